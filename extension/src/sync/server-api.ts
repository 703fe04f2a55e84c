import { type MeResponse, meResponseSchema } from '@gom/shared';
import { z } from 'zod';
import type { ErrorReason } from '../i18n';
import { OfficerError } from '../officer-error';

export type Fetch = typeof globalThis.fetch;

/**
 * Where the server address and the token come from. The background passes its stored settings;
 * taking them as an argument keeps the modules that call the server (and their tests in Node) free
 * of `wxt/browser`.
 */
export type SettingsSource = () => Promise<{ serverUrl: string | null; token: string | null }>;

// A request to a server that accepted the connection and then went silent would otherwise hang
// the sync (and the service worker) until Chromium kills it.
const TIMEOUT_MS = 60_000;

const problemSchema = z.object({ title: z.string().optional(), detail: z.string().optional() });

function reasonOf(status: number): ErrorReason {
  if (status === 400 || status === 422) return 'badRequest';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 413) return 'tooLarge';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'serverDown';
  return 'unexpectedStatus';
}

/** The server's own words: the `detail` (else `title`) of its problem-details answer. */
async function problemDetail(response: Response): Promise<string | null> {
  if (!/json/i.test(response.headers.get('content-type') ?? '')) return null;
  try {
    const problem = problemSchema.safeParse(await response.json());
    return problem.success ? (problem.data.detail ?? problem.data.title ?? null) : null;
  } catch {
    return null;
  }
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null if absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** A request to the Gom server; any failure becomes an `OfficerError` the interface can show as is. */
export async function callServer(fetch: Fetch, url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), ...init });
  } catch (error) {
    throw new OfficerError('network', null, { cause: error });
  }
  if (response.ok) return response;
  const reason = reasonOf(response.status);
  const detail = (await problemDetail(response)) ?? (reason === 'unexpectedStatus' ? `HTTP ${response.status}` : null);
  throw new OfficerError(reason, detail, {
    status: response.status,
    retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
  });
}

/** The body of a successful answer, checked against the shared schema of that endpoint. */
export async function readJson<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new OfficerError('badResponse', null, { cause: error, status: response.status });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new OfficerError('badResponse', null, { cause: parsed.error, status: response.status });
  return parsed.data;
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

const healthSchema = z.object({ status: z.literal('ok') });

/** Who `token` signs in as on the server: a wrong or revoked token fails as `unauthorized`. */
export async function whoAmI(serverUrl: string, token: string, fetch: Fetch = globalThis.fetch): Promise<MeResponse> {
  return readJson(await callServer(fetch, `${serverUrl}/v1/me`, { headers: bearer(token) }), meResponseSchema);
}

/** Resolves when `${serverUrl}/v1/health` answers as a Gom server does. */
export async function checkHealth(serverUrl: string, fetch: Fetch = globalThis.fetch): Promise<void> {
  await readJson(await callServer(fetch, `${serverUrl}/v1/health`), healthSchema);
}
