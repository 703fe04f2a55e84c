import { CLOCK_AHEAD_PROBLEM, pullQuerySchema, pushRequestSchema } from '@gom/shared';
import { Hono } from 'hono';
import type { AuthEnv } from '../middleware/auth';
import { type ClockPolicy, clockAheadIn } from '../services/clock';
import { applyPush, pullJson } from '../services/sync';
import type { Storage } from '../storage/port';
import { validate } from '../validate';

export function syncRoutes(storage: Storage, clock: ClockPolicy) {
  return new Hono<AuthEnv>()
    .post('/push', validate('json', pushRequestSchema), async (c) => {
      const request = c.req.valid('json');
      const ahead = clockAheadIn(request, clock);
      if (ahead !== undefined) {
        const minutes = Math.round(clock.maxClockDriftMs / 60_000);
        return c.json(
          {
            type: CLOCK_AHEAD_PROBLEM,
            title: 'Đồng hồ máy tính sai / Clock ahead',
            status: 400,
            detail:
              `Đồng hồ của thay đổi ${ahead} đi trước giờ máy chủ hơn ${minutes} phút; không có gì được lưu / ` +
              `The clock ${ahead} runs more than ${minutes} minutes ahead of the server's time; nothing was stored.`,
            serverTime: clock.now(),
            maxClockDriftMs: clock.maxClockDriftMs,
          },
          400,
          { 'Content-Type': 'application/problem+json; charset=utf-8' },
        );
      }
      return c.json(await applyPush(storage, c.get('user'), request));
    })
    .get('/pull', validate('query', pullQuerySchema), async (c) => {
      const json = await pullJson(storage, c.get('user'), c.req.valid('query'));
      return c.body(json, 200, { 'Content-Type': 'application/json' });
    });
}
