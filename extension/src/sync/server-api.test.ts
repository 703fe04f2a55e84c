import { describe, expect, it } from 'vitest';
import { callServer, retryAfterMs } from './server-api';

describe('retryAfterMs', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Wed, 21 Oct 2015 07:28:30 GMT', 30_000],
    ['Wed, 21 Oct 2015 07:27:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('reads %j as %j ms', (header, ms) => {
    expect(retryAfterMs(header, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(ms);
  });
});

describe('callServer', () => {
  it("carries a 429's Retry-After and the server's words into the error", async () => {
    const fetch = async () =>
      new Response(JSON.stringify({ status: 429, detail: 'Quá nhiều yêu cầu / Too many requests' }), {
        status: 429,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '7' },
      });
    await expect(callServer(fetch, 'http://gom.test/v1/sync/pull')).rejects.toMatchObject({
      reason: 'rateLimited',
      status: 429,
      retryAfterMs: 7000,
      detail: 'Quá nhiều yêu cầu / Too many requests',
    });
  });

  it('words a dropped connection as a network failure, with no status', async () => {
    const fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(callServer(fetch, 'http://gom.test/v1/health')).rejects.toMatchObject({
      reason: 'network',
      status: null,
      retryAfterMs: null,
    });
  });
});
