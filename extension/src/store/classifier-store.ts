import {
  type BayesModel,
  bayesModelSchema,
  type Classifier,
  createClassifier,
  emptyBayesModel,
  learnFrom,
} from '@gom/shared';
import { type GomDb, readMeta, writeMeta } from './db';

/**
 * Validating a stored model costs milliseconds per few hundred items learned, and every clip asks
 * for the classifier (a clip has a budget, docs/performance.md): the validated classifier is kept per database
 * until the stored revision changes — in this page, or in another of the extension's contexts.
 */
const cache = new WeakMap<GomDb, { revision: number; classifier: Classifier }>();

/**
 * The stored model, validated. One that no longer validates (an older version, a damaged
 * profile) is started afresh rather than trusted: a wrong count would skew every later suggestion.
 */
async function storedModel(db: GomDb): Promise<BayesModel> {
  const parsed = bayesModelSchema.safeParse(await readMeta(db, 'classifierModel'));
  return parsed.success ? parsed.data : emptyBayesModel();
}

/**
 * The unit's classifier as this browser knows it: the built-in rules and leads, and the naive Bayes
 * model learned from the officer's corrections, kept in Dexie beside the items. Shared between
 * callers: read it, never change it (`learnCorrection` is the way to teach it).
 */
export function loadClassifier(db: GomDb): Promise<Classifier> {
  return db.transaction('r', db.meta, async () => {
    const revision = (await readMeta(db, 'classifierRevision')) ?? 0;
    const cached = cache.get(db);
    if (cached?.revision === revision) return cached.classifier;
    const classifier = createClassifier({ model: await storedModel(db) });
    cache.set(db, { revision, classifier });
    return classifier;
  });
}

/**
 * Learns one category an officer chose for a text (a move in the side panel, a pick in quick
 * capture). Read, learn and write in one transaction: two pages correcting at once must not
 * lose one of the lessons.
 */
export async function learnCorrection(db: GomDb, item: { text: string; category: string }): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const classifier = createClassifier({ model: await storedModel(db) });
    learnFrom(classifier, item);
    const revision = ((await readMeta(db, 'classifierRevision')) ?? 0) + 1;
    await writeMeta(db, 'classifierModel', classifier.model);
    await writeMeta(db, 'classifierRevision', revision);
  });
}
