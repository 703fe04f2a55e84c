import type { Context, MiddlewareHandler } from 'hono';
import { tooManyRequests } from '../problem';
import { tokenBuckets } from './token-buckets';

export interface RateLimitOptions {
  /** Requests a key may make per second, sustained. */
  perSecond?: number;
  /** Requests a key may make at once after a quiet spell (the bucket's size). */
  burst?: number;
  /** Whose bucket a request draws from; undefined lets the request through uncounted. */
  key?: (c: Context) => string | undefined;
  /** Milliseconds since some fixed origin; tests pass a fake clock. */
  now?: () => number;
}

/**
 * A token bucket per key (by default the authenticated user, that is, the bearer token): a client
 * over its rate gets 429 with `Retry-After`, the seconds until its next request would pass.
 * Buckets live in this process; several processes behind one proxy each allow the full rate.
 *
 * @example
 * app.use('/v1/sync/*', tokenAuth({ storage }), rateLimit({ perSecond: 50, burst: 200 }))
 */
export function rateLimit({
  perSecond = 50,
  burst = 200,
  key = (c) => (c.get('user') as { id: string } | undefined)?.id,
  now = () => performance.now(),
}: RateLimitOptions = {}): MiddlewareHandler {
  const buckets = tokenBuckets({ perSecond, burst, now });
  return async (c, next) => {
    const id = key(c);
    if (id === undefined) return next();
    const wait = buckets.take(id);
    return wait > 0 ? tooManyRequests(wait) : next();
  };
}
