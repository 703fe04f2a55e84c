import { defaultTaxonomy } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, GOM_EXTENSION_IDS } from './app';
import { createLogger } from './logger';
import { startServer } from './serve';
import type { Storage } from './storage/port';
import { setUpServer, testAdapters } from './test-support';

let env: Awaited<ReturnType<typeof setUpServer>>;

describe.each(testAdapters)('on $name', (adapter) => {
  beforeEach(async () => {
    env = await setUpServer(adapter);
  });
  afterEach(() => env.dispose());

  describe('app', () => {
    it('answers the health check after asking the database', async () => {
      const res = await env.app.request('/v1/health');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it("lets Gom's own extension pages call it, and no other extension or web origin", async () => {
      const preflight = async (app: typeof env.app, origin: string) => {
        const res = await app.request('/v1/sync/push', {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'authorization',
          },
        });
        return res.headers.get('access-control-allow-origin');
      };
      const gom = `chrome-extension://${GOM_EXTENSION_IDS[0]}`;
      expect(await preflight(env.app, gom)).toBe(gom);
      expect(await preflight(env.app, 'chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toBeNull();
      expect(await preflight(env.app, 'moz-extension://5f0c9a7e-3a1d-4c52-9a57-0f7b6d6e2c11')).toBeNull();
      expect(await preflight(env.app, 'https://evil.example')).toBeNull();

      // A deployment names its own builds (a store's id, a Firefox install), and only those.
      const own = createApp({
        storage: env.storage,
        extensionIds: ['abcdefghijklmnopabcdefghijklmnop', '5f0c9a7e-3a1d-4c52-9a57-0f7b6d6e2c11'],
      });
      for (const origin of [
        'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        'moz-extension://5f0c9a7e-3a1d-4c52-9a57-0f7b6d6e2c11',
      ]) {
        expect(await preflight(own, origin)).toBe(origin);
      }
      expect(await preflight(own, gom)).toBeNull();
    });

    it('refuses a body over the limit, declared or streamed: 413 problem details, nothing stored', async () => {
      const small = await setUpServer(adapter, { maxBodyBytes: 1000 });
      try {
        const token = await small.tokenFor();
        const body = JSON.stringify({
          clientId: 'clientA',
          mutations: [
            {
              mutationId: 'm0123456789abcdef0123456789abcdef',
              itemId: crypto.randomUUID(),
              hlc: '1700000000000-0000-clientA',
              set: { text: 'x'.repeat(2000) },
            },
          ],
        });
        const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
        const declared = await small.app.request('/v1/sync/push', {
          method: 'POST',
          headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
          body,
        });
        const streamed = await small.app.request('/v1/sync/push', {
          method: 'POST',
          headers,
          body: new Blob([body]).stream(),
          duplex: 'half',
        } as RequestInit);
        for (const res of [declared, streamed]) {
          expect(res.status).toBe(413);
          expect(await res.json()).toMatchObject({ status: 413, detail: expect.stringContaining('1000') });
        }
        expect((await small.storage.pullItems(defaultTaxonomy.unit.id, 0, 10)).items).toEqual([]);
      } finally {
        await small.dispose();
      }
    });

    it('answers an unknown address with problem details', async () => {
      const res = await env.app.request('/v1/nothing-here');
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ status: 404, title: 'Không tìm thấy / Not found' });
    });
  });

  it('answers 429 with Retry-After to a token over its rate, and not to another token', async () => {
    const limited = await setUpServer(adapter, { rateLimit: { perSecond: 1, burst: 2 } });
    try {
      const [a, b] = [await limited.tokenFor(), await limited.tokenFor()];
      const pull = (t: string) => limited.app.request('/v1/sync/pull', { headers: { Authorization: `Bearer ${t}` } });
      expect((await pull(a)).status).toBe(200);
      expect((await pull(a)).status).toBe(200);
      const refused = await pull(a);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await pull(b)).status).toBe(200);
    } finally {
      await limited.dispose();
    }
  });
});

describe('failed authentications, per client address', () => {
  /** What `@hono/node-server` hands the app for a request from `address`: the socket its conninfo reads. */
  const fromSocket = (address: string) => ({ incoming: { socket: { remoteAddress: address, remoteFamily: 'IPv4' } } });

  it('answers 429 with Retry-After once an address has failed 20 times, and never counts a success', async () => {
    const env = await setUpServer();
    try {
      const token = await env.tokenFor();
      const pull = (address: string, t: string) =>
        env.app.request('/v1/sync/pull', { headers: { Authorization: `Bearer ${t}` } }, fromSocket(address));
      // An officer's syncs, however many, use up nothing of her address's allowance.
      for (let i = 0; i < 100; i += 1) expect((await pull('10.0.0.1', token)).status).toBe(200);
      const statuses = new Map<number, number>();
      for (let i = 0; i < 2000; i += 1) {
        const { status } = await pull('10.0.0.1', `gom_${i}`);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
      expect(Object.fromEntries(statuses)).toEqual({ 401: 20, 429: 1980 });
      const refused = await pull('10.0.0.1', token);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('3');
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect((await pull('10.0.0.2', token)).status).toBe(200);
    } finally {
      await env.dispose();
    }
  });

  it("tells clients behind the deployment's reverse proxy apart only when it trusts the proxy", async () => {
    for (const trustProxy of [false, true]) {
      const env = await setUpServer(undefined, { trustProxy, authFailureLimit: { perMinute: 2 } });
      try {
        const pull = (client: string) =>
          env.app.request(
            '/v1/sync/pull',
            { headers: { Authorization: 'Bearer gom_wrong', 'X-Forwarded-For': client } },
            fromSocket('127.0.0.1'),
          );
        expect((await pull('203.0.113.7')).status).toBe(401);
        expect((await pull('203.0.113.7')).status).toBe(401);
        expect((await pull('203.0.113.7')).status).toBe(429);
        // Another officer behind the same proxy.
        expect((await pull('198.51.100.2')).status).toBe(trustProxy ? 401 : 429);
      } finally {
        await env.dispose();
      }
    }
  });
});

describe('app without a working database', () => {
  const broken = {
    ping: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
    findUserByTokenHash: () => Promise.reject(new Error('relation "users" does not exist at /srv/gom/x.ts:12')),
  } as unknown as Storage;

  it('reports itself unhealthy (503) and logs why', async () => {
    const lines: string[] = [];
    const app = createApp({ storage: broken, logger: createLogger('info', (l) => lines.push(l)) });
    const res = await app.request('/v1/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', reason: 'database-unreachable' });
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 'error', error: expect.stringMatching(/ECONNREFUSED/) }),
    );
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'request', method: 'GET', path: '/v1/health', status: 503 }),
    );
  });

  it('answers a failure with a bilingual 500 and keeps the stack in the log', async () => {
    const lines: string[] = [];
    const app = createApp({ storage: broken, logger: createLogger('error', (l) => lines.push(l)) });
    const res = await app.request('/v1/sync/pull', { headers: { Authorization: 'Bearer gom_x' } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toMatch(/vui lòng thử lại.*please retry/);
    expect(text).not.toMatch(/\.ts:\d+|relation|at /);
    expect(lines.join('\n')).toMatch(/"stack"/);
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight before closing the database', async () => {
    const env = await setUpServer();
    const token = await env.tokenFor();
    let release = () => {};
    const gate = new Promise<void>((done) => {
      release = done;
    });
    const slow: Storage = {
      ...env.storage,
      pullItemsJson: async (...args) => {
        await gate;
        return env.storage.pullItemsJson(...args);
      },
    };
    const server = await startServer(slow, { port: 0 });
    const inFlight = fetch(`${server.url}/v1/sync/pull`, { headers: { Authorization: `Bearer ${token}` } });
    await new Promise((done) => setTimeout(done, 100));
    const closed = server.close();
    setTimeout(release, 100);
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      items: [],
      cursor: 0,
      hasMore: false,
      unitId: 'SNgV',
      epoch: expect.any(String),
    });
    await closed;
    await expect(fetch(`${server.url}/v1/health`)).rejects.toThrow();
  });
});
