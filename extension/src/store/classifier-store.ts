import {
  type Classifier,
  emptyUnitModel,
  type Lesson,
  learnFrom,
  type UnitConfigKind,
  type UnitModel,
  unitClassifier,
  unitModelSchema,
} from '@gom/shared';
import { type GomDb, type PendingLesson, readMeta, type UnitConfigRow, writeMeta } from './db';
import { loadUnitConfig, putUnitConfig, storedUnitModel, type UnitSetup } from './unit-config-store';

/**
 * Validating a stored model costs milliseconds per few hundred items learned, and every clip asks
 * for the classifier (a clip has a budget, docs/performance.md): the validated classifier is kept per database
 * until the stored revision changes — in this page, or in another of the extension's contexts.
 */
const cache = new WeakMap<GomDb, { revision: number; setup: UnitSetup; classifier: Classifier }>();

/**
 * The stored model, validated. One that no longer validates (an older version, a damaged
 * profile) is started afresh rather than trusted: a wrong count would skew every later suggestion.
 */
async function storedModel(db: GomDb): Promise<UnitModel> {
  const parsed = unitModelSchema.safeParse(await readMeta(db, 'classifierModel'));
  return parsed.success ? parsed.data : emptyUnitModel();
}

/** The unit's classifier over `model`, which learning then changes: give it a model of its own. */
function classifierOf(setup: UnitSetup, model: UnitModel): Classifier {
  return unitClassifier({ ...setup, model });
}

async function storeModel(db: GomDb, model: UnitModel): Promise<void> {
  await writeMeta(db, 'classifierModel', model);
  await writeMeta(db, 'classifierRevision', ((await readMeta(db, 'classifierRevision')) ?? 0) + 1);
}

/**
 * The unit's classifier as this browser knows it: the unit's taxonomy, rules and leads, and its
 * model as last synced with the lessons this officer has not yet sent learned on top — so that a
 * correction counts at once, offline too (docs/architecture.md, "Classification"). Shared between
 * callers: read it, never change it (`learnCorrection` is the way to teach it).
 */
export function loadClassifier(db: GomDb): Promise<Classifier> {
  return db.transaction('r', db.meta, db.unitConfig, async () => {
    const setup = await loadUnitConfig(db);
    const revision = (await readMeta(db, 'classifierRevision')) ?? 0;
    const cached = cache.get(db);
    if (cached?.revision === revision && cached.setup === setup) return cached.classifier;
    const classifier = classifierOf(setup, await storedModel(db));
    cache.set(db, { revision, setup, classifier });
    return classifier;
  });
}

/**
 * Learns one category an officer chose for a text (a move in the side panel, a pick in quick
 * capture), and queues it for the unit's model on the server. Read, learn, write and queue in one
 * transaction: two pages correcting at once must not lose one of the lessons, and a lesson learned
 * here is always one the unit will learn too.
 */
export async function learnCorrection(db: GomDb, { text, category, kind }: Lesson): Promise<void> {
  const lesson: Lesson = { text, category, ...(kind ? { kind } : {}) };
  await db.transaction('rw', db.meta, db.unitConfig, db.lessons, async () => {
    const classifier = classifierOf(await loadUnitConfig(db), await storedModel(db));
    learnFrom(classifier, lesson);
    await storeModel(db, classifier.model);
    await db.lessons.add(lesson);
  });
}

/** The oldest lessons not yet acknowledged by the server, at most `limit`, with their places in the queue. */
export function pendingLessons(db: GomDb, limit: number): Promise<PendingLesson[]> {
  return db.lessons.orderBy('seq').limit(limit).toArray();
}

/** Lessons that left the queue: the unit learned them, or refused them. */
export async function forgetLessons(db: GomDb, seqs: readonly number[]): Promise<void> {
  await db.lessons.bulkDelete([...seqs]);
}

/** What a lesson is learned from depends on these documents: a new version of one means learning again. */
const LEARNING_KINDS: readonly UnitConfigKind[] = ['model', 'taxonomy', 'rules', 'leads'];

/**
 * Keeps the unit's documents fetched (`putUnitConfig`) and, when they change what this browser
 * classifies with, makes its model again: the unit's model as fetched, with the lessons still
 * queued learned on top, in the order made. In one transaction with the queue, so a correction made
 * meanwhile is in the model either way. Until the unit's model has come once, the model learned here
 * stays as it is. Returns the kinds stored.
 */
export function adoptUnitConfig(db: GomDb, fetched: readonly UnitConfigRow[]): Promise<UnitConfigKind[]> {
  return db.transaction('rw', db.meta, db.unitConfig, db.lessons, async () => {
    const changed = await putUnitConfig(db, fetched);
    if (!changed.some((kind) => LEARNING_KINDS.includes(kind))) return changed;
    const unitModel = await storedUnitModel(db);
    if (!unitModel) return changed;
    const classifier = classifierOf(await loadUnitConfig(db), unitModel);
    for (const { text, category, kind } of await db.lessons.orderBy('seq').toArray()) {
      learnFrom(classifier, { text, category, ...(kind ? { kind } : {}) });
    }
    await storeModel(db, classifier.model);
    return changed;
  });
}
