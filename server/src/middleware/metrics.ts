import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { DEFAULT_LATENCY_BUCKETS, MetricsRegistry } from './metrics-registry';

/** The series Gom exports (docs/deploy.md, "Metrics"). */
export const metricNames = {
  requests: 'gom_http_requests_total',
  latency: 'gom_http_request_duration_seconds',
  mutationsApplied: 'gom_sync_mutations_applied_total',
  pullPages: 'gom_sync_pull_pages_total',
  reportBuilds: 'gom_report_builds_total',
  databaseErrors: 'gom_database_errors_total',
  unhandledErrors: 'gom_unhandled_errors_total',
} as const;

/** A registry with Gom's series declared, so that a scrape lists them all from the start. */
export function gomMetricsRegistry(buckets: readonly number[] = DEFAULT_LATENCY_BUCKETS): MetricsRegistry {
  const registry = new MetricsRegistry();
  registry.counter(metricNames.requests, 'Requests answered, by method, route pattern and status.');
  registry.histogram(metricNames.latency, 'Time to answer a request, by method and route pattern.', buckets);
  registry.counter(
    metricNames.mutationsApplied,
    'Mutations in the pushes answered 200; a replayed mutation is acknowledged, so it counts again.',
  );
  registry.counter(metricNames.pullPages, 'Pull pages served.');
  registry.counter(metricNames.reportBuilds, 'Team reports asked for, by outcome (built, busy, refused, failed).');
  registry.counter(metricNames.databaseErrors, 'Database failures, by reason (disk-full, unreachable).');
  registry.counter(metricNames.unhandledErrors, 'Requests answered 500 by an unexpected error.');
  return registry;
}

export interface RequestMetricsOptions {
  /** Where the series are kept; the same registry is read by `/metrics`. */
  registry?: MetricsRegistry;
}

/** What a request that matched no route counts under: its path would let a scanner grow the series without bound. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The pattern the request was routed to (`/v1/reports/:kind/:file`), not its path: a series per
 * report period would never end. An answer from middleware (401, 429, 413) counts under the route
 * it stopped in front of.
 */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  const answering = routes[c.req.routeIndex];
  if (answering && answering.method !== 'ALL') return answering.path;
  return routes.findLast((route) => route.method !== 'ALL')?.path ?? UNMATCHED_ROUTE;
}

/** The outcome of a team report request, by its answer (the build runs on a worker: `reports/`). */
function reportOutcome(c: Context): string {
  if (c.res.status === 200) return 'built';
  if (c.res.status === 429) return 'busy';
  return c.res.status >= 500 ? 'failed' : 'refused';
}

/**
 * Counts each request by route and status and times it. The sync and report series are read from
 * the answers, so that the routes themselves stay free of bookkeeping: a push answered 200 applied
 * its whole batch (a batch is applied whole or refused, docs/sync.md).
 *
 * @example
 * const registry = gomMetricsRegistry();
 * app.use(requestMetrics({ registry }))
 */
export function requestMetrics({ registry = gomMetricsRegistry() }: RequestMetricsOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const method = c.req.method;
    const route = routeOf(c);
    const status = c.res.status;
    registry.inc(metricNames.requests, { method, route, status: String(status) });
    registry.observe(metricNames.latency, { method, route }, seconds);
    if (route === '/v1/sync/push' && status === 200) {
      const { mutations } = c.req.valid('json' as never) as { mutations: unknown[] };
      registry.inc(metricNames.mutationsApplied, {}, mutations.length);
    } else if (route === '/v1/sync/pull' && status === 200) {
      registry.inc(metricNames.pullPages);
    } else if (route === '/v1/reports/:kind/:file') {
      registry.inc(metricNames.reportBuilds, { outcome: reportOutcome(c) });
    } else if (route === '/v1/health' && status === 503 && !c.res.headers.has('retry-after')) {
      // A full disk answers with Retry-After and is counted where the write failed (app.ts).
      registry.inc(metricNames.databaseErrors, { reason: 'unreachable' });
    }
  };
}
