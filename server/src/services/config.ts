import {
  type ConfigProblem,
  crossCheckUnitConfig,
  resolveUnitConfig,
  type UnitConfig,
  type UnitConfigKind,
  unitConfigSchemas,
} from '@gom/shared';
import type { ConfigVersionInfo, Storage, User } from '../storage/port';

/** The configuration the unit's reports are built with: its latest versions over the built-in documents. */
export async function unitConfig(storage: Storage, unitId: string): Promise<UnitConfig> {
  const current = await storage.currentConfig(unitId);
  return resolveUnitConfig(Object.fromEntries(current.map((c) => [c.kind, c.document])));
}

export type ReplaceResult = { ok: true; version: ConfigVersionInfo } | { ok: false; problems: ConfigProblem[] };

/**
 * Stores a new version of one of the unit's documents, if it is valid on its own and with the
 * unit's other documents as they stand; otherwise says what is wrong and stores nothing.
 */
export async function replaceConfig(
  storage: Storage,
  user: User,
  kind: UnitConfigKind,
  body: unknown,
): Promise<ReplaceResult> {
  const parsed = unitConfigSchemas[kind].safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
      })),
    };
  }
  const document = parsed.data;
  if (kind === 'taxonomy' && (document as UnitConfig['taxonomy']).unit.id !== user.unitId) {
    return {
      ok: false,
      problems: [
        {
          path: 'unit.id',
          message: `Danh mục phải là của đơn vị ${user.unitId} / The taxonomy must be unit ${user.unitId}'s`,
        },
      ],
    };
  }
  const current = await storage.currentConfig(user.unitId);
  const next = resolveUnitConfig({ ...Object.fromEntries(current.map((c) => [c.kind, c.document])), [kind]: document });
  const problems = crossCheckUnitConfig(next);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, version: await storage.putConfig(user.unitId, kind, document, user.id) };
}
