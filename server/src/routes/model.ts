import { lessonsRequestSchema, PastReportFormatError, pastReportUploadSchema } from '@gom/shared';
import { Hono } from 'hono';
import type { AuthEnv } from '../middleware/auth';
import { requireRole } from '../middleware/roles';
import { problem } from '../problem';
import { learnLessons, learnUploadedReport, UnknownCategoryError } from '../services/model';
import type { Storage } from '../storage/port';
import { validate } from '../validate';

/**
 * What the unit's model learns (docs/architecture.md, "Classification"); the model itself is read
 * with the rest of the unit's configuration, `GET /v1/config/model`.
 * - `POST /v1/model/lessons`: an officer's corrections, learned in order (any member: every
 *   officer's corrections improve it);
 * - `POST /v1/model/reports`: a report the unit issued before (editors and admins), its sections'
 *   bullets and its leads; the headings it could not place are named in the answer.
 */
export function modelRoutes(storage: Storage) {
  return new Hono<AuthEnv>()
    .post('/lessons', validate('json', lessonsRequestSchema), async (c) => {
      try {
        return c.json(await learnLessons(storage, c.get('user'), c.req.valid('json').lessons));
      } catch (error) {
        if (error instanceof UnknownCategoryError) {
          return problem(c, 400, `${error.message}. Không có gì được học / Nothing was learned.`);
        }
        throw error;
      }
    })
    .post('/reports', requireRole(), validate('json', pastReportUploadSchema), async (c) => {
      try {
        return c.json(await learnUploadedReport(storage, c.get('user'), c.req.valid('json')));
      } catch (error) {
        if (error instanceof PastReportFormatError || error instanceof UnknownCategoryError) {
          return problem(c, 400, `${error.message}. Không có gì được học / Nothing was learned.`);
        }
        throw error;
      }
    });
}
