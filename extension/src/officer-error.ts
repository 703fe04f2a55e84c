import { type ErrorReason, t } from './i18n';

/**
 * A failure worded for the officer: the message is what the interface shows. `detail` carries
 * what the server or the validator said (the server's problem details are bilingual), so support
 * can tell two failures of the same kind apart.
 */
export class OfficerError extends Error {
  override readonly name = 'OfficerError';
  /** The HTTP status when the server answered. */
  readonly status: number | null;
  /** How long the server asked to be left alone (its `Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | null;

  constructor(
    readonly reason: ErrorReason,
    readonly detail: string | null = null,
    options: { cause?: unknown; status?: number; retryAfterMs?: number | null } = {},
  ) {
    const base = t().errors[reason];
    super(detail ? `${base} (${detail})` : base, 'cause' in options ? { cause: options.cause } : undefined);
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

// What Dexie and IndexedDB throw when the browser cannot open the database at all (its store
// broken on disk, the profile's storage unavailable): nothing the officer did, nothing Gom can retry.
const STORAGE_FAILURES = new Set(['OpenFailedError', 'DatabaseClosedError', 'UnknownError']);

/** The message to show for anything thrown, worded for the officer when Gom knows the cause. */
export function officerMessage(error: unknown): string {
  if (error instanceof OfficerError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  const reason = error instanceof Error && STORAGE_FAILURES.has(error.name) ? 'storageUnavailable' : 'unknown';
  return `${t().errors[reason]} (${detail})`;
}
