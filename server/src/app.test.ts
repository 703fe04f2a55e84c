import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpServer } from './test-support';

let env: Awaited<ReturnType<typeof setUpServer>>;
beforeEach(async () => {
  env = await setUpServer();
});
afterEach(async () => {
  await env.storage.close();
});

describe('app', () => {
  it('answers the health check after asking the database', async () => {
    const res = await env.app.request('/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets extension pages call it and no other web origin', async () => {
    const preflight = (origin: string) =>
      env.app.request('/v1/sync/push', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
    const extension = await preflight('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(extension.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    const site = await preflight('https://evil.example');
    expect(site.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an unknown address with problem details', async () => {
    const res = await env.app.request('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 404, title: 'Không tìm thấy / Not found' });
  });
});
