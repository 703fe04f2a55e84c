import { acceptsPackedClocks, pullQuerySchema, pushRequestSchema } from '@gom/shared';
import { Hono } from 'hono';
import type { AuthEnv } from '../middleware/auth';
import { applyPush, pullJson } from '../services/sync';
import type { Storage } from '../storage/port';
import { validate } from '../validate';

export function syncRoutes(storage: Storage) {
  return new Hono<AuthEnv>()
    .post('/push', validate('json', pushRequestSchema), async (c) => {
      return c.json(await applyPush(storage, c.get('user'), c.req.valid('json')));
    })
    .get('/pull', validate('query', pullQuerySchema), async (c) => {
      const packed = acceptsPackedClocks(c.req.header('accept'));
      const json = await pullJson(storage, c.get('user'), c.req.valid('query'), packed);
      return c.body(json, 200, { 'Content-Type': 'application/json', Vary: 'Accept' });
    });
}
