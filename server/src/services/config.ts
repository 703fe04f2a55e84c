import {
  builtInConfigDocument,
  type ConfigProblem,
  crossCheckUnitConfig,
  resolveUnitConfig,
  type UnitConfig,
  type UnitConfigKind,
  unitConfigSchemas,
} from '@gom/shared';
import type { ConfigVersion, ConfigVersionInfo, Storage, User } from '../storage/port';

/** The configuration the unit's reports are built with: its latest versions over the built-in documents. */
export async function unitConfig(storage: Storage, unitId: string): Promise<UnitConfig> {
  const current = await storage.currentConfig(unitId);
  return resolveUnitConfig(Object.fromEntries(current.map((c) => [c.kind, c.document])));
}

/** One of the unit's documents as its members read it; the built-in one has no version, author nor time. */
export interface ConfigInUse {
  kind: UnitConfigKind;
  version: number | null;
  createdBy: string | null;
  createdAt: string | null;
  document: unknown;
}

/** The document of that kind in use: the unit's latest version, or the built-in document where it has none. */
export async function configInUse(storage: Storage, unitId: string, kind: UnitConfigKind): Promise<ConfigInUse> {
  const stored = await storage.getConfig(unitId, kind);
  return {
    kind,
    version: stored?.version ?? null,
    createdBy: stored?.createdBy ?? null,
    createdAt: stored?.createdAt ?? null,
    document: stored?.document ?? builtInConfigDocument(kind),
  };
}

/** One stored version of a document; none if the unit never stored it. */
export function configVersion(
  storage: Storage,
  unitId: string,
  kind: UnitConfigKind,
  version: number,
): Promise<ConfigVersion | undefined> {
  return storage.getConfig(unitId, kind, version);
}

/** The stored versions of one kind of document, newest first: version, who, when. */
export function configVersions(storage: Storage, unitId: string, kind: UnitConfigKind): Promise<ConfigVersionInfo[]> {
  return storage.listConfigVersions(unitId, kind);
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
