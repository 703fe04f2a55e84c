import { Hono } from 'hono';
import { DISK_FULL_RETRY_AFTER_S, type DiskFullWatch } from '../disk-full';
import type { Logger } from '../logger';
import { serverHealth } from '../services/health';
import type { Storage } from '../storage/port';

/** `GET /v1/health`, for load balancers and the extension's options page: 200 when the server can serve, else 503 and why. */
export function healthRoutes(storage: Storage, { disk, logger }: { disk: DiskFullWatch; logger: Logger }) {
  return new Hono().get('/', async (c) => {
    const health = await serverHealth(storage, disk);
    if (health.status === 'ok') return c.json({ status: 'ok' as const });
    if (health.reason === 'disk-full') {
      const retryAfter = { 'Retry-After': String(DISK_FULL_RETRY_AFTER_S) };
      return c.json({ status: 'unavailable' as const, reason: 'disk-full' as const }, 503, retryAfter);
    }
    logger.error('health check: database unreachable', {
      requestId: c.get('requestId'),
      error: String(health.error),
    });
    return c.json({ status: 'unavailable' as const, reason: 'database-unreachable' as const }, 503);
  });
}
