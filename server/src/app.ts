import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { type Logger, silentLogger } from './logger';
import { tokenAuth } from './middleware/auth';
import { cors } from './middleware/cors';
import { type RateLimitOptions, rateLimit } from './middleware/rate-limit';
import { requestLog } from './middleware/request-log';
import { problem, problemResponse } from './problem';
import { configRoutes } from './routes/config';
import { reportRoutes, reportSettingsRoutes } from './routes/reports';
import { syncRoutes } from './routes/sync';
import type { Storage } from './storage/port';

export interface AppOptions {
  storage: Storage;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Per-token request rate; `false` turns it off (benchmarks that measure the server itself). */
  rateLimit?: RateLimitOptions | false;
  logger?: Logger;
}

// Extension pages and service workers are the only browser clients Gom has.
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

/**
 * Hono's `bodyLimit`, without its cost on the common path. It reads `c.req.raw.body` first, which
 * makes `@hono/node-server` build a full `Request` and a web `ReadableStream` for every request
 * (about a sixth of the server's CPU per push, measured); a declared `Content-Length` is checked
 * here instead, as `bodyLimit` itself would, and Node's parser never delivers more than it declares.
 * Bodies without one (chunked) still go through `bodyLimit`, which counts as it reads.
 */
function declaredBodyLimit(maxBytes: number): MiddlewareHandler {
  const onError = (c: Context) => problem(c, 413, `Tối đa ${maxBytes} byte / At most ${maxBytes} bytes per request.`);
  const counting = bodyLimit({ maxSize: maxBytes, onError });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return counting(c, next);
    return Number.parseInt(declared, 10) > maxBytes ? Promise.resolve(onError(c)) : next();
  };
}

export function createApp({
  storage,
  maxBodyBytes = 4 * 1024 * 1024,
  rateLimit: rateLimitOptions = {},
  logger = silentLogger,
}: AppOptions) {
  const auth = tokenAuth({ storage });
  const limit = rateLimitOptions === false ? undefined : rateLimit(rateLimitOptions);
  const authenticated = limit ? [auth, limit] : [auth];
  const app = new Hono()
    .use(requestLog({ logger }))
    .use(secureHeaders())
    .use(
      '/v1/*',
      cors({
        allowOrigin: (origin) => EXTENSION_ORIGIN.test(origin),
        exposeHeaders: ['Content-Disposition'],
      }),
    )
    .use('/v1/*', declaredBodyLimit(maxBodyBytes))
    .get('/v1/health', async (c) => {
      try {
        await storage.ping();
      } catch (error) {
        logger.error('health check: database unreachable', { error: String(error) });
        return c.json({ status: 'unavailable' as const }, 503);
      }
      return c.json({ status: 'ok' as const });
    })
    .use('/v1/sync/*', ...authenticated)
    .use('/v1/reports/*', ...authenticated)
    .use('/v1/report-settings/*', ...authenticated)
    .use('/v1/config/*', ...authenticated)
    .route('/v1/sync', syncRoutes(storage))
    .route('/v1/reports', reportRoutes(storage))
    .route('/v1/report-settings', reportSettingsRoutes(storage))
    .route('/v1/config', configRoutes(storage));

  app.notFound(() => problemResponse(404, 'Không có địa chỉ này / No such endpoint.'));
  app.onError((error) => {
    if (error instanceof HTTPException && error.status < 500) {
      // Middleware such as bearer auth attaches the problem response it means to send.
      return (
        error.res ?? problemResponse(error.status as 400, error.message || 'Yêu cầu không hợp lệ / Invalid request.')
      );
    }
    // The stack goes to the log, never to the client.
    logger.error(error.message, { stack: error.stack });
    return problemResponse(500, 'Máy chủ gặp lỗi, vui lòng thử lại / The server failed; please retry.');
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
