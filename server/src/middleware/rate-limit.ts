import type { Context, MiddlewareHandler } from 'hono';
import { problemResponse } from '../problem';

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

interface Bucket {
  tokens: number;
  at: number;
}

// A bucket that has refilled is the same as no bucket: past this many keys, drop those.
const SWEEP_ABOVE = 10_000;

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
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, t: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
  };
  return async (c, next) => {
    const id = key(c);
    if (id === undefined) return next();
    const t = now();
    if (buckets.size > SWEEP_ABOVE) {
      for (const [k, b] of buckets) {
        refill(b, t);
        if (b.tokens >= burst) buckets.delete(k);
      }
    }
    const bucket = buckets.get(id) ?? { tokens: burst, at: t };
    buckets.set(id, bucket);
    refill(bucket, t);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
      const res = problemResponse(
        429,
        `Quá nhiều yêu cầu, thử lại sau ${retryAfter} giây / Too many requests; retry in ${retryAfter} s.`,
      );
      res.headers.set('Retry-After', String(retryAfter));
      return res;
    }
    bucket.tokens -= 1;
    return next();
  };
}
