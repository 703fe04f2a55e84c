import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { setUpServer } from '../test-support';
import { gomMetricsRegistry } from './metrics';

let env: Awaited<ReturnType<typeof setUpServer>>;
let lines: string[];
const registry = () => gomMetricsRegistry();

/** `app.request()` as if from a socket at `address` (what @hono/node-server hands the app). */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

async function scrape(headers: Record<string, string> = {}, address = '127.0.0.1') {
  const res = await env.app.request('/metrics', { headers }, from(address));
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

describe('request ids and metrics', () => {
  beforeEach(async () => {
    lines = [];
    env = await setUpServer(undefined, {
      logger: createLogger('info', (line) => lines.push(line)),
      metrics: registry(),
      metricsToken: 'scrape-secret',
    });
  });
  afterEach(() => env.dispose());

  it("answers every request with an X-Request-Id, the proxy's when well-formed, and logs it", async () => {
    const given = await env.app.request('/v1/health', { headers: { 'X-Request-Id': 'nginx-4f2a9c' } });
    expect(given.headers.get('x-request-id')).toBe('nginx-4f2a9c');
    const made = await env.app.request('/v1/nowhere');
    expect(made.status).toBe(404);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const forged = await env.app.request('/v1/me', { headers: { 'X-Request-Id': 'a b"},{"level":"x"}' } });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const logged = lines.map((line) => JSON.parse(line) as { requestId?: string; path: string });
    expect(logged.map((entry) => [entry.path, entry.requestId])).toEqual([
      ['/v1/health', 'nginx-4f2a9c'],
      ['/v1/nowhere', made.headers.get('x-request-id')],
      ['/v1/me', forged.headers.get('x-request-id')],
    ]);
  });

  it('counts requests by route pattern and status, pushes, pulls and report builds', async () => {
    const token = await env.tokenFor();
    const auth = { Authorization: `Bearer ${token}` };
    const mutations = [0, 1].map((i) => ({
      mutationId: `metrics0000${i}`,
      itemId: randomUUID(),
      hlc: `${1614736800000 + i}-0000-clientA`,
      set: { text: `Việc ${i}`, kind: 'result', createdAt: '2021-03-03T02:00:00.000Z' },
    }));
    const push = await env.app.request('/v1/sync/push', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientId: 'clientA', mutations }),
    });
    expect(push.status).toBe(200);
    expect((await env.app.request('/v1/sync/pull', { headers: auth })).status).toBe(200);
    expect((await env.app.request('/v1/reports/month/2021-03.docx', { headers: auth })).status).toBe(200);
    expect((await env.app.request('/v1/reports/month/2021-04.docx', { headers: {} })).status).toBe(401);
    await env.app.request('/v1/nowhere/a1b2');

    const { status, text, type } = await scrape();
    expect(status).toBe(200);
    expect(type).toContain('text/plain; version=0.0.4');
    expect(text).toContain('gom_http_requests_total{method="POST",route="/v1/sync/push",status="200"} 1');
    expect(text).toContain('gom_http_requests_total{method="GET",route="/v1/reports/:kind/:file",status="401"} 1');
    expect(text).toContain('gom_http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toContain('gom_sync_mutations_applied_total 2');
    expect(text).toContain('gom_sync_pull_pages_total 1');
    expect(text).toContain('gom_report_builds_total{outcome="built"} 1');
    expect(text).toContain('gom_report_builds_total{outcome="refused"} 1');
    expect(text).toMatch(/gom_http_request_duration_seconds_count\{method="GET",route="\/v1\/sync\/pull"\} 1/);
    expect(text).toContain('# TYPE gom_database_errors_total counter');
  });

  it('answers /metrics on loopback, or to the metrics token, and not through a proxy', async () => {
    expect((await scrape({}, '::1')).status).toBe(200);
    expect((await scrape({}, '::ffff:127.0.0.1')).status).toBe(200);
    expect((await scrape({}, '192.0.2.10')).status).toBe(403);
    // nginx on the same machine reaches Gom from loopback, for every client of the network.
    expect((await scrape({ 'X-Forwarded-For': '198.51.100.7' })).status).toBe(403);
    expect((await scrape({ Authorization: 'Bearer wrong' }, '192.0.2.10')).status).toBe(403);
    expect((await scrape({ Authorization: 'Bearer scrape-secret' }, '192.0.2.10')).status).toBe(200);
  });

  it('answers /metrics on loopback only when no metrics token is configured', async () => {
    const open = await setUpServer(undefined, { metrics: registry() });
    try {
      const ask = async (headers: Record<string, string>, address: string) =>
        (await open.app.request('/metrics', { headers }, from(address))).status;
      expect(await ask({}, '127.0.0.1')).toBe(200);
      expect(await ask({ Authorization: 'Bearer ' }, '192.0.2.10')).toBe(403);
    } finally {
      await open.dispose();
    }
  });
});
