import { createHash, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import type { MetricsRegistry } from '../middleware/metrics-registry';
import { problem } from '../problem';

export interface MetricsRouteOptions {
  registry: MetricsRegistry;
  /** When set, a request bearing it (`Authorization: Bearer …`) is answered from any address. */
  token?: string | undefined;
}

/** A proxy in front of the server sets one of these; the socket's loopback address is then the proxy's. */
const forwardingHeaders = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

function isLoopbackAddress(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address);
}

/**
 * Direct from this machine: the socket's peer is a loopback address and no proxy forwarded the
 * request. Behind the reverse proxy of docs/deploy.md every request arrives from loopback, so
 * without the second condition `/metrics` would be open to the whole network through it.
 */
function fromThisMachine(c: Context): boolean {
  if (forwardingHeaders.some((name) => c.req.header(name) !== undefined)) return false;
  try {
    return isLoopbackAddress(getConnInfo(c).remote.address ?? '');
  } catch {
    // No Node socket behind the request (`app.request()` without an env): not known to be local.
    return false;
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest();

function bearsToken(c: Context, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/** `GET /metrics`: the Prometheus text format, to this machine, or to whoever holds the metrics token. */
export function metricsRoutes({ registry, token }: MetricsRouteOptions) {
  return new Hono().get('/', (c) => {
    if (!fromThisMachine(c) && !(token && bearsToken(c, token))) {
      return problem(
        c,
        403,
        'Chỉ đọc được từ chính máy chủ, hoặc với mã GOM_METRICS_TOKEN / Only from this machine, or with the metrics token.',
      );
    }
    return c.body(registry.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
}
