import type { Context, MiddlewareHandler } from 'hono';
import { tooManyRequests } from '../problem';
import { clientAddress } from './client-address';
import { tokenBuckets } from './token-buckets';

export interface AuthFailureLimitOptions {
  /** Failed authentications an address may make per minute, sustained. */
  perMinute?: number;
  /** Failures an address may make at once after a quiet spell. */
  burst?: number;
  /** Whose failures a request counts among: by default the client's address. */
  key?: (c: Context) => string;
  /** Milliseconds since some fixed origin; tests pass a fake clock. */
  now?: () => number;
  /** Addresses remembered at most (see `tokenBuckets`). */
  maxKeys?: number;
}

/**
 * Goes before `tokenAuth`: an address that has failed authentication `burst` times, faster than
 * `perMinute`, gets 429 with `Retry-After` before its token is even looked up, whatever the token
 * (checking it would tell a guess that hits from one that misses). A failure is the 401 `tokenAuth`
 * answers; an answer that is not a 401 counts nothing, so officers who sign in never use up their
 * address's allowance, only share its refusal while a client beside them keeps failing.
 *
 * @example
 * app.use('/v1/sync/*', authFailureLimit({ perMinute: 20 }), tokenAuth({ storage }))
 */
export function authFailureLimit({
  perMinute = 20,
  burst = perMinute,
  key = clientAddress(),
  now = () => performance.now(),
  maxKeys,
}: AuthFailureLimitOptions = {}): MiddlewareHandler {
  const failures = tokenBuckets({ perSecond: perMinute / 60, burst, now, maxKeys });
  return async (c, next) => {
    const address = key(c);
    const wait = failures.wait(address);
    if (wait > 0) return tooManyRequests(wait);
    await next();
    if (c.res.status === 401) failures.spend(address);
  };
}
