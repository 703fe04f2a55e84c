import type { MiddlewareHandler } from 'hono';

export interface CorsOptions {
  /** Whether a browser page of this origin may call the API. */
  allowOrigin: (origin: string) => boolean;
  allowHeaders?: readonly string[];
  allowMethods?: readonly string[];
  /** Response headers a page may read besides the CORS-safelisted ones. */
  exposeHeaders?: readonly string[];
  /** Seconds a browser may keep a preflight's answer. */
  maxAge?: number;
}

/**
 * The origins of the pages of these extensions (Chromium's ids, or Firefox's per-install UUIDs),
 * as `allowOrigin`: another extension's pages must not read the API, even with an officer's token.
 *
 * @example
 * cors({ allowOrigin: extensionOrigins(['ccjbpeiejpoifgaabplpnfafapmdhcjd']) })
 */
export function extensionOrigins(ids: readonly string[]): (origin: string) => boolean {
  const origins = new Set(ids.flatMap((id) => [`chrome-extension://${id}`, `moz-extension://${id}`]));
  return (origin) => origins.has(origin);
}

/**
 * CORS answered as Hono's `cors` answers it, with its headers written on the response the route
 * returned instead of on a response made before it. Hono's version sets a header before the route
 * runs and another after it, and each makes Hono copy the route's response into a new one with a
 * web `ReadableStream` body that `@hono/node-server` then has to read back: with the secure headers,
 * about a tenth of the server's CPU per push (profiled under `pnpm bench server-load`).
 *
 * @example
 * app.use('/v1/*', cors({ allowOrigin: extensionOrigins(['ccjbpeiejpoifgaabplpnfafapmdhcjd']) }))
 */
export function cors({
  allowOrigin,
  allowHeaders = ['Authorization', 'Content-Type'],
  allowMethods = ['GET', 'POST', 'PUT', 'OPTIONS'],
  exposeHeaders = [],
  maxAge = 600,
}: CorsOptions): MiddlewareHandler {
  const exposed = exposeHeaders.join(',');
  const preflight = {
    'Access-Control-Allow-Methods': allowMethods.join(','),
    'Access-Control-Allow-Headers': allowHeaders.join(','),
    'Access-Control-Max-Age': String(maxAge),
    Vary: 'Origin, Access-Control-Request-Headers',
  };
  const allowed = (origin: string | undefined) => (origin && allowOrigin(origin) ? origin : undefined);
  return async (c, next) => {
    const origin = allowed(c.req.header('origin'));
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, origin ? { ...preflight, 'Access-Control-Allow-Origin': origin } : preflight);
    }
    await next();
    const headers = c.res.headers;
    headers.append('Vary', 'Origin');
    if (!origin) return;
    headers.set('Access-Control-Allow-Origin', origin);
    if (exposed) headers.set('Access-Control-Expose-Headers', exposed);
  };
}
