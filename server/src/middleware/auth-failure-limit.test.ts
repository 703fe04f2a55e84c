import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { authFailureLimit } from './auth-failure-limit';
import { clientAddress, UNKNOWN_ADDRESS } from './client-address';
import { tokenBuckets } from './token-buckets';

/** What `@hono/node-server` hands the app for a request from `address`: the socket its conninfo reads. */
const fromSocket = (address: string) => ({ incoming: { socket: { remoteAddress: address, remoteFamily: 'IPv4' } } });

function appWithClock(options: Parameters<typeof authFailureLimit>[0] = {}) {
  let t = 0;
  const app = new Hono()
    .use(authFailureLimit({ now: () => t, ...options }))
    // Stands in for tokenAuth: its failures are its 401 answers.
    .get('/', (c) => (c.req.header('authorization') === 'Bearer good' ? c.text('ok') : c.text('no', 401)));
  return {
    get: (address: string, token = 'wrong') =>
      app.request('/', { headers: { Authorization: `Bearer ${token}` } }, fromSocket(address)),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('authFailureLimit', () => {
  it('answers 429 with Retry-After to an address past 20 failures a minute, whatever its token', async () => {
    const { get, advance } = appWithClock();
    for (let i = 0; i < 20; i += 1) expect((await get('10.0.0.1')).status).toBe(401);
    const refused = await get('10.0.0.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    // One failure more is allowed every 3 s (20 a minute).
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(await refused.json()).toMatchObject({ status: 429, detail: expect.stringMatching(/thử lại.*retry/) });
    // A right token from there is not even looked at: its answer would tell a hit from a miss.
    expect((await get('10.0.0.1', 'good')).status).toBe(429);
    // Another address is not held back.
    expect((await get('10.0.0.2', 'good')).status).toBe(200);
    expect((await get('10.0.0.2')).status).toBe(401);
    advance(3000);
    expect((await get('10.0.0.1')).status).toBe(401);
    expect((await get('10.0.0.1')).status).toBe(429);
    advance(60_000);
    for (let i = 0; i < 20; i += 1) expect((await get('10.0.0.1')).status).toBe(401);
    expect((await get('10.0.0.1')).status).toBe(429);
  });

  it('never counts a request that authenticates', async () => {
    const { get } = appWithClock({ perMinute: 2 });
    for (let i = 0; i < 500; i += 1) expect((await get('10.0.0.1', 'good')).status).toBe(200);
    expect((await get('10.0.0.1')).status).toBe(401);
    expect((await get('10.0.0.1')).status).toBe(401);
    expect((await get('10.0.0.1')).status).toBe(429);
  });
});

describe('tokenBuckets', () => {
  it('keeps its memory bounded whatever the number of addresses that fail', () => {
    let t = 0;
    const buckets = tokenBuckets({ perSecond: 1 / 3, burst: 20, now: () => t, maxKeys: 1000 });
    for (let i = 0; i < 50_000; i += 1) {
      buckets.spend(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
      t += 1;
    }
    expect(buckets.size).toBeLessThanOrEqual(1000);
    // The most recent failures are the ones kept.
    expect(buckets.wait('10.0.195.79')).toBe(0);
    for (let i = 0; i < 19; i += 1) buckets.spend('10.0.195.79');
    expect(buckets.wait('10.0.195.79')).toBe(3);
  });
});

describe('clientAddress', () => {
  const addressOf = (options: Parameters<typeof clientAddress>[0], headers: Record<string, string>, env?: object) =>
    new Hono().get('/', (c) => c.text(clientAddress(options)(c))).request('/', { headers }, env);
  const forwarded = { 'X-Forwarded-For': '203.0.113.7, 198.51.100.2' };

  it("is the socket's peer, X-Forwarded-For ignored: anyone can write that header", async () => {
    expect(await (await addressOf({}, forwarded, fromSocket('127.0.0.1'))).text()).toBe('127.0.0.1');
  });

  it("is the last X-Forwarded-For entry, the one the deployment's own proxy appended, when it is trusted", async () => {
    const trusted = { trustProxy: true };
    expect(await (await addressOf(trusted, forwarded, fromSocket('127.0.0.1'))).text()).toBe('198.51.100.2');
    expect(await (await addressOf(trusted, {}, fromSocket('127.0.0.1'))).text()).toBe('127.0.0.1');
  });

  it('is one fixed key for a request without a socket', async () => {
    expect(await (await addressOf({}, forwarded)).text()).toBe(UNKNOWN_ADDRESS);
  });
});
