import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import { cors, extensionOrigins } from './cors';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION = `chrome-extension://${ID}`;

const app = new Hono()
  .use(secureHeaders())
  .use(cors({ allowOrigin: extensionOrigins([ID]), exposeHeaders: ['Content-Disposition'] }))
  .post('/push', (c) => c.json({ applied: [] }))
  .get('/file', (c) => c.body('x', 200, { 'Content-Disposition': 'attachment; filename="a.txt"' }));

describe('cors', () => {
  it("answers an allowed origin's preflight with what it may send, and another origin's without allowing it", async () => {
    const preflight = (origin: string) =>
      app.request('/push', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const allowed = await preflight(EXTENSION);
    expect(allowed.status).toBe(204);
    expect(Object.fromEntries(allowed.headers)).toMatchObject({
      'access-control-allow-origin': EXTENSION,
      'access-control-allow-methods': 'GET,POST,PUT,OPTIONS',
      'access-control-allow-headers': 'Authorization,Content-Type',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Headers',
    });
    for (const origin of ['https://evil.example', 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba']) {
      const refused = await preflight(origin);
      expect(refused.status).toBe(204);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it("adds its headers to the route's own response, keeping the route's headers and body", async () => {
    const file = await app.request('/file', { headers: { Origin: EXTENSION } });
    expect(await file.text()).toBe('x');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="a.txt"');
    expect(file.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    expect(file.headers.get('access-control-expose-headers')).toBe('Content-Disposition');
    expect(file.headers.get('vary')).toBe('Origin');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');

    const push = await app.request('/push', { method: 'POST', headers: { Origin: 'https://evil.example' } });
    expect(await push.json()).toEqual({ applied: [] });
    expect(push.headers.get('access-control-allow-origin')).toBeNull();
    expect(push.headers.get('access-control-expose-headers')).toBeNull();
    expect(push.headers.get('vary')).toBe('Origin');
  });

  describe('extensionOrigins', () => {
    it("admits the pages of the extensions named, Chromium's or Firefox's, and no other origin", () => {
      const firefox = '5f0c9a7e-3a1d-4c52-9a57-0f7b6d6e2c11';
      const allowed = extensionOrigins([ID, firefox]);
      expect(allowed(EXTENSION)).toBe(true);
      expect(allowed(`moz-extension://${firefox}`)).toBe(true);
      for (const origin of [
        'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba',
        `moz-extension://${ID}x`,
        `chrome-extension://${ID}/`,
        `https://${ID}`,
        `safari-web-extension://${ID}`,
        'null',
      ]) {
        expect(allowed(origin)).toBe(false);
      }
    });
  });
});
