import type { MiddlewareHandler } from 'hono';

export interface RequestIdOptions {
  /** A proxy's id longer than this is replaced by the server's own. */
  limitLength?: number;
  headerName?: string;
  generate?: () => string;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `requestId()` for every request, before any other middleware runs. */
    requestId: string;
  }
}

/** Hono's own rule for an id taken from a request (`hono/request-id`): nothing a log line must escape. */
const WELL_FORMED = /^[\w\-=]+$/;

/**
 * The request's id (`c.get('requestId')`): the proxy's when well formed,
 * else a new UUID; and the same id on the answer. Hono's `requestId` sets the header ahead of the
 * handler, which makes Hono copy every whole Response a handler returns (Gom's problem answers
 * are such) to carry it: that tripled the cost of a refused request (measured with `app.request`).
 * Here it is set once on the answer made.
 *
 * @example
 * app.use(requestId())
 */
export function requestId({
  limitLength = 128,
  headerName = 'X-Request-Id',
  generate = () => crypto.randomUUID(),
}: RequestIdOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    const given = c.req.header(headerName);
    const id = given && given.length <= limitLength && WELL_FORMED.test(given) ? given : generate();
    c.set('requestId', id);
    await next();
    c.res.headers.set(headerName, id);
  };
}
