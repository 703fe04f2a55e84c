import {
  crossCheckUnitConfig,
  emptyUnitModel,
  resolveUnitConfig,
  type UnitConfig,
  type UnitConfigDocuments,
  type UnitConfigKind,
  type UnitModel,
  unitConfigSchemas,
} from '@gom/shared';
import { type GomDb, readMeta, type UnitConfigRow, writeMeta } from './db';

/**
 * What the pipeline takes of the unit's configuration besides its model: the model is the
 * classifier's, read with this officer's unsent lessons on top (`loadClassifier`), and it is by
 * far the largest document — the side panel's first frame does not wait for it.
 */
export type UnitSetup = Omit<UnitConfig, 'model'>;

const SETUP_KINDS = ['taxonomy', 'rules', 'leads', 'templates', 'metrics'] as const satisfies UnitConfigKind[];

/** Resolving validates every document: done once per stored revision in each of the extension's contexts. */
const cache = new WeakMap<GomDb, { revision: number; setup: UnitSetup }>();

/** The documents stored, each checked again as it is read (a damaged profile falls back to the built-in one). */
function validDocuments(rows: readonly (UnitConfigRow | undefined)[]): UnitConfigDocuments {
  const documents: UnitConfigDocuments = {};
  for (const row of rows) {
    if (row && unitConfigSchemas[row.kind].safeParse(row.document).success) documents[row.kind] = row.document;
  }
  return documents;
}

function setupOf(documents: UnitConfigDocuments): UnitSetup {
  const { taxonomy, rules, leads, templates, metrics } = resolveUnitConfig({ ...documents, model: undefined });
  return { taxonomy, rules, leads, templates, metrics };
}

/**
 * The unit's taxonomy, rules, leads, templates and metric catalog as the server last gave them, the
 * built-in ones for a kind it never gave (no server yet, or a unit that replaced none). Shared between
 * callers: read it, never change it.
 */
export function loadUnitConfig(db: GomDb): Promise<UnitSetup> {
  return db.transaction('r', db.meta, db.unitConfig, async () => {
    const revision = (await readMeta(db, 'unitConfigRevision')) ?? 0;
    const cached = cache.get(db);
    if (cached?.revision === revision) return cached.setup;
    const setup = setupOf(validDocuments(await db.unitConfig.bulkGet([...SETUP_KINDS])));
    cache.set(db, { revision, setup });
    return setup;
  });
}

/** The unit's model as the server last gave it; undefined before the first sync that brought it. */
export async function storedUnitModel(db: GomDb): Promise<UnitModel | undefined> {
  const parsed = unitConfigSchemas.model.safeParse((await db.unitConfig.get('model'))?.document);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Keeps the documents fetched whose version differs from the one stored, and returns their kinds.
 * A document that does not validate is left out; so is the whole lot when, taken with what is
 * stored, its documents contradict each other (fetched while an administrator replaced two of
 * them): the next sync brings them as they then agree. Called inside a transaction over `unitConfig`
 * and `meta`.
 */
export async function putUnitConfig(db: GomDb, fetched: readonly UnitConfigRow[]): Promise<UnitConfigKind[]> {
  const stored = new Map((await db.unitConfig.toArray()).map((row) => [row.kind, row]));
  const changed = fetched.filter((row) => {
    const held = stored.get(row.kind);
    if (held && held.version === row.version) return false;
    const valid = unitConfigSchemas[row.kind].safeParse(row.document).success;
    if (!valid) console.warn(`Gom: the unit's ${row.kind} document does not validate; the one held is kept`);
    return valid;
  });
  if (changed.length === 0) return [];
  for (const row of changed) stored.set(row.kind, row);
  const problems = crossCheckUnitConfig({
    ...setupOf(validDocuments([...stored.values()].filter((row) => row.kind !== 'model'))),
    model: emptyUnitModel(),
  });
  if (problems.length > 0) {
    console.warn("Gom: the unit's configuration documents disagree; the ones held are kept", problems);
    return [];
  }
  await db.unitConfig.bulkPut(changed.map(({ kind, version, document }) => ({ kind, version, document })));
  await writeMeta(db, 'unitConfigRevision', ((await readMeta(db, 'unitConfigRevision')) ?? 0) + 1);
  return changed.map((row) => row.kind);
}
