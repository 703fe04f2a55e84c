import { CLOCK_DRIFT_HEADER, DEFAULT_MAX_CLOCK_DRIFT_MS, SERVER_TIME_HEADER } from '@gom/shared';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { DISK_FULL_RETRY_AFTER_S, diskFullWatch, isDiskFull } from './disk-full';
import { type Logger, silentLogger } from './logger';
import { tokenAuth } from './middleware/auth';
import { type AuthFailureLimitOptions, authFailureLimit } from './middleware/auth-failure-limit';
import { clientAddress } from './middleware/client-address';
import { cors, extensionOrigins } from './middleware/cors';
import { gomMetricsRegistry, metricNames, requestMetrics } from './middleware/metrics';
import type { MetricsRegistry } from './middleware/metrics-registry';
import { type RateLimitOptions, rateLimit } from './middleware/rate-limit';
import { requestId } from './middleware/request-id';
import { requestLog } from './middleware/request-log';
import { serverTime } from './middleware/server-time';
import { openApiRoutes } from './openapi/route';
import { problem, problemResponse, retryLater } from './problem';
import { configRoutes } from './routes/config';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { metricsRoutes } from './routes/metrics';
import { modelRoutes } from './routes/model';
import { reportRoutes, reportSettingsRoutes } from './routes/reports';
import { syncRoutes } from './routes/sync';
import type { Storage } from './storage/port';

export interface AppOptions {
  storage: Storage;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Per-token request rate; `false` turns it off (benchmarks that measure the server itself). */
  rateLimit?: RateLimitOptions | false;
  /** Failed authentications allowed per client address; `false` turns the limit off. */
  authFailureLimit?: Omit<AuthFailureLimitOptions, 'key'> | false;
  /** Whether the client's address is the last `X-Forwarded-For` entry (behind the deployment's own proxy). */
  trustProxy?: boolean;
  /** The ids of the extension builds whose pages may call the API (CORS). */
  extensionIds?: readonly string[];
  logger?: Logger;
  /** The server's clock, epoch ms: the authority for every write's clock (docs/sync.md, "Clocks"). */
  now?: () => number;
  /** How far ahead of `now` a pushed clock may be, in ms. */
  maxClockDriftMs?: number;
  /** Where the request and sync series are kept, which `/metrics` shows. */
  metrics?: MetricsRegistry;
  /** Lets `/metrics` answer other machines that bear it (a Prometheus elsewhere); without it, loopback only. */
  metricsToken?: string | undefined;
}

/**
 * Gom's published extension: Chromium's id, fixed by the manifest's `key` (extension/wxt.config.ts).
 * Firefox gives each install a random origin, so its id cannot be named here; a deployment may add
 * those (or a store's id) with `GOM_EXTENSION_IDS`.
 */
export const GOM_EXTENSION_IDS: readonly string[] = ['ccjbpeiejpoifgaabplpnfafapmdhcjd'];

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
  now = Date.now,
  maxClockDriftMs = DEFAULT_MAX_CLOCK_DRIFT_MS,
  authFailureLimit: failureOptions = {},
  trustProxy = false,
  extensionIds = GOM_EXTENSION_IDS,
  metrics = gomMetricsRegistry(),
  metricsToken,
}: AppOptions) {
  const failures =
    failureOptions === false ? [] : [authFailureLimit({ ...failureOptions, key: clientAddress({ trustProxy }) })];
  const auth = tokenAuth({ storage });
  const limit = rateLimitOptions === false ? [] : [rateLimit(rateLimitOptions)];
  const authenticated = [...failures, auth, ...limit];
  const disk = diskFullWatch();
  // A write that succeeds while the disk is reported full shows there is room again.
  const wroteAfterDiskFull: MiddlewareHandler = (c, next) => {
    if (!disk.full || c.req.method === 'GET') return next();
    return next().then(() => {
      if (c.res.ok) disk.wrote();
    });
  };
  const app = new Hono()
    .use(requestId())
    .use(requestLog({ logger }))
    .use(requestMetrics({ registry: metrics }))
    .use(secureHeaders())
    .use(serverTime({ now, maxClockDriftMs }))
    .use(
      '/v1/*',
      cors({
        allowOrigin: extensionOrigins(extensionIds),
        exposeHeaders: ['Content-Disposition', SERVER_TIME_HEADER, CLOCK_DRIFT_HEADER],
      }),
    )
    .use('/v1/*', declaredBodyLimit(maxBodyBytes))
    .use('/v1/*', wroteAfterDiskFull)
    .route('/metrics', metricsRoutes({ registry: metrics, token: metricsToken }))
    .route('/v1/health', healthRoutes(storage, { disk, logger }))
    .route('/v1/openapi.json', openApiRoutes())
    .use('/v1/sync/*', ...authenticated)
    .use('/v1/reports/*', ...authenticated)
    .use('/v1/report-settings/*', ...authenticated)
    .use('/v1/config/*', ...authenticated)
    .use('/v1/model/*', ...authenticated)
    .use('/v1/me', ...authenticated)
    .route('/v1/me', meRoutes(storage))
    .route('/v1/sync', syncRoutes(storage, { now, maxClockDriftMs }))
    .route('/v1/reports', reportRoutes(storage))
    .route('/v1/report-settings', reportSettingsRoutes(storage))
    .route('/v1/config', configRoutes(storage))
    .route('/v1/model', modelRoutes(storage));

  app.notFound(() => problemResponse(404, 'Không có địa chỉ này / No such endpoint.'));
  app.onError((error, c) => {
    const requestFields = { requestId: c.get('requestId') };
    if (error instanceof HTTPException && error.status < 500) {
      // Middleware such as bearer auth attaches the problem response it means to send.
      return (
        error.res ?? problemResponse(error.status as 400, error.message || 'Yêu cầu không hợp lệ / Invalid request.')
      );
    }
    if (isDiskFull(error)) {
      // Nothing of the request was stored (its transaction rolled back); the client keeps it and retries.
      disk.refused();
      metrics.inc(metricNames.databaseErrors, { reason: 'disk-full' });
      logger.error('disk full: a write was refused', { ...requestFields, error: error.message });
      return retryLater(
        503,
        DISK_FULL_RETRY_AFTER_S,
        `Ổ đĩa của máy chủ đã đầy, chưa lưu được gì; thử lại sau ${DISK_FULL_RETRY_AFTER_S} giây / The server's disk is full; nothing was stored. Retry in ${DISK_FULL_RETRY_AFTER_S} s.`,
      );
    }
    // The stack goes to the log, never to the client.
    metrics.inc(metricNames.unhandledErrors);
    logger.error(error.message, { ...requestFields, stack: error.stack });
    return problemResponse(500, 'Máy chủ gặp lỗi, vui lòng thử lại / The server failed; please retry.');
  });
  return app;
}
