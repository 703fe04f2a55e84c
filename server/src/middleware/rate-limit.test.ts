import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { rateLimit } from './rate-limit';

function appWithClock(options: Parameters<typeof rateLimit>[0]) {
  let t = 0;
  const app = new Hono()
    .use(rateLimit({ key: (c) => c.req.header('x-key'), now: () => t, ...options }))
    .get('/', (c) => c.text('ok'));
  return {
    get: (key?: string) => app.request('/', { headers: key ? { 'x-key': key } : {} }),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('rateLimit', () => {
  it('lets a burst through, then answers 429 with Retry-After until the bucket refills', async () => {
    const { get, advance } = appWithClock({ perSecond: 2, burst: 3 });
    for (let i = 0; i < 3; i += 1) expect((await get('a')).status).toBe(200);
    const refused = await get('a');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ status: 429, detail: expect.stringMatching(/thử lại.*retry/) });
    expect((await get('b')).status).toBe(200);
    advance(500);
    expect((await get('a')).status).toBe(200);
    expect((await get('a')).status).toBe(429);
  });

  it('counts nothing for a request without a key', async () => {
    const { get } = appWithClock({ perSecond: 1, burst: 1 });
    for (let i = 0; i < 5; i += 1) expect((await get()).status).toBe(200);
  });
});
