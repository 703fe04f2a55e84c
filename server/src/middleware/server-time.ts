import { CLOCK_DRIFT_HEADER, SERVER_TIME_HEADER } from '@gom/shared';
import type { MiddlewareHandler } from 'hono';

/**
 * Stamps every answer, errors included, with the server's time, read as the answer leaves, and the
 * drift it allows: the client measures its PC clock's offset from them and stamps its writes with
 * corrected time (docs/sync.md, "Clocks").
 */
export function serverTime({
  now,
  maxClockDriftMs,
}: {
  now: () => number;
  maxClockDriftMs: number;
}): MiddlewareHandler {
  const drift = String(maxClockDriftMs);
  return async (c, next) => {
    await next();
    c.res.headers.set(SERVER_TIME_HEADER, String(now()));
    c.res.headers.set(CLOCK_DRIFT_HEADER, drift);
  };
}
