import { unitConfigKindSchema } from '@gom/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../middleware/auth';
import { requireRole } from '../middleware/roles';
import { problem } from '../problem';
import { configInUse, configVersion, configVersions, replaceConfig } from '../services/config';
import type { Storage } from '../storage/port';
import { validate } from '../validate';

const admins = requireRole({ roles: ['admin'] });
export const kindParamSchema = z.object({ kind: unitConfigKindSchema });
export const versionParamSchema = z.object({ kind: unitConfigKindSchema, version: z.coerce.number().int().positive() });

/**
 * The unit's configuration documents (taxonomy, rules, leads, templates, metrics):
 * - `GET /v1/config/{kind}`: the one in use, for every member (the extension classifies offline
 *   with it); `version` is null for the built-in document;
 * - `PUT /v1/config/{kind}`: admins store a new version, validated on its own and against the
 *   unit's other documents; a 400 problem lists what is wrong and nothing is stored;
 * - `GET /v1/config/{kind}/versions` and `…/versions/{n}`: admins read the history.
 */
export function configRoutes(storage: Storage) {
  return new Hono<AuthEnv>()
    .get('/:kind', validate('param', kindParamSchema), async (c) => {
      const { kind } = c.req.valid('param');
      const inUse = await configInUse(storage, c.get('user').unitId, kind);
      return c.json({ ...inUse, document: inUse.document as Record<string, unknown> });
    })
    .get('/:kind/versions', admins, validate('param', kindParamSchema), async (c) => {
      const { kind } = c.req.valid('param');
      return c.json({ kind, versions: await configVersions(storage, c.get('user').unitId, kind) });
    })
    .get('/:kind/versions/:version', admins, validate('param', versionParamSchema), async (c) => {
      const { kind, version } = c.req.valid('param');
      const stored = await configVersion(storage, c.get('user').unitId, kind, version);
      if (!stored) return problem(c, 404, `Không có phiên bản ${version} / No version ${version} of ${kind}.`);
      return c.json({ ...stored, document: stored.document as Record<string, unknown> });
    })
    .put('/:kind', admins, validate('param', kindParamSchema), async (c) => {
      const { kind } = c.req.valid('param');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return problem(
          c,
          400,
          'Nội dung không phải JSON, không có gì được lưu / The body is not JSON; nothing was stored.',
        );
      }
      const result = await replaceConfig(storage, c.get('user'), kind, body);
      if (!result.ok) {
        return problem(
          c,
          400,
          `Cấu hình ${kind} không hợp lệ, không có gì được lưu / The ${kind} document is invalid; nothing was stored.`,
          result.problems,
        );
      }
      return c.json(result.version);
    });
}
