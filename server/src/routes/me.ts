import { Hono } from 'hono';
import type { AuthEnv } from '../middleware/auth';
import { whoIs } from '../services/me';
import type { Storage } from '../storage/port';

/** `GET /v1/me`: the token's user and unit; a wrong or revoked token is refused by the auth before it. */
export function meRoutes(storage: Storage) {
  return new Hono<AuthEnv>().get('/', async (c) => c.json(await whoIs(storage, c.get('user'))));
}
