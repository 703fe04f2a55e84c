import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger';

export interface RequestLogOptions {
  logger: Logger;
  /** Answers at or above this status log as warnings; below, as info. */
  warnFrom?: number;
}

/**
 * One log line per request: its id, method, path, status and duration. Headers are left out: the bearer
 * token must never reach a log file.
 *
 * @example
 * app.use(requestLog({ logger: createLogger('info') }))
 */
export function requestLog({ logger, warnFrom = 500 }: RequestLogOptions): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const fields = {
      // Set by Hono's requestId middleware ahead of this one; the proxy's logs carry the same id.
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (c.res.status >= warnFrom) logger.warn('request', fields);
    else logger.info('request', fields);
  };
}
