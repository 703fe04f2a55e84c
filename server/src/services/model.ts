import {
  type Lesson,
  learnFrom,
  learnPastReport,
  type PastReportLearned,
  type PastReportReading,
  type PastReportUpload,
  pastReportText,
  readPastReport,
  type UnitModel,
  unitClassifier,
} from '@gom/shared';
import type { Storage } from '../storage/port';
import { unitConfig } from './config';

/**
 * The unit's learned model (docs/architecture.md, "Classification"): one per unit, kept as the
 * `model` configuration document, so that every extension of the unit reads it with the rest of its
 * configuration and the team report uses it. Officers' lessons and past reports are learned on the
 * server, in order, each batch a new version.
 */

/** Versions of the model kept: enough to step back over a bad batch, few enough to stay small. */
export const MODEL_VERSIONS_KEPT = 20;

/**
 * One unit's learning at a time in this process: two batches read, learn and store in turn, so
 * that neither overwrites the other's lessons.
 */
const turns = new Map<string, Promise<unknown>>();
function inTurn<T>(unitId: string, work: () => Promise<T>): Promise<T> {
  const previous = turns.get(unitId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  turns.set(unitId, settled);
  void settled.then(() => {
    if (turns.get(unitId) === settled) turns.delete(unitId);
  });
  return next;
}

/** A new version of the unit's model; the oldest beyond those kept go. */
async function storeModel(storage: Storage, unitId: string, model: UnitModel, userId: string) {
  const stored = await storage.putConfig(unitId, 'model', model, userId);
  await storage.pruneConfig(unitId, 'model', MODEL_VERSIONS_KEPT);
  return stored;
}

export class UnknownCategoryError extends Error {
  constructor(readonly categories: string[]) {
    super(
      `Nhóm không có trong danh mục của đơn vị: ${categories.join(', ')} / Not a category of the unit: ${categories.join(', ')}`,
    );
  }
}

export interface Learned {
  version: number;
  learned: number;
}

/**
 * Learns an officer's lessons (her corrections, sent by her extension), in order. A lesson whose
 * category the unit's taxonomy does not have refuses the whole batch: nothing is learned.
 */
export async function learnLessons(
  storage: Storage,
  user: { id: string; unitId: string },
  lessons: readonly Lesson[],
): Promise<Learned> {
  const { taxonomy } = await unitConfig(storage, user.unitId);
  const known = new Set(taxonomy.categories.map((c) => c.key));
  const unknown = [...new Set(lessons.map((l) => l.category).filter((c) => !known.has(c)))];
  if (unknown.length > 0) throw new UnknownCategoryError(unknown);
  return inTurn(user.unitId, async () => {
    const config = await unitConfig(storage, user.unitId);
    const model = structuredClone(config.model);
    const classifier = unitClassifier(config, model);
    for (const lesson of lessons) learnFrom(classifier, lesson);
    const stored = await storeModel(storage, user.unitId, model, user.id);
    return { version: stored.version, learned: model.learned };
  });
}

/**
 * Learns the unit's past reports, read by `readPastReport`: their lessons teach the model, and the
 * leads they write that the unit's leads do not detect become a new version of its leads, where
 * the reports' merging and the extensions find them.
 */
export function learnPastReports(
  storage: Storage,
  unitId: string,
  userId: string,
  readings: readonly PastReportReading[],
): Promise<Learned & { leads: number }> {
  return inTurn(unitId, async () => {
    const config = await unitConfig(storage, unitId);
    const model = structuredClone(config.model);
    const classifier = unitClassifier(config, model);
    for (const reading of readings) learnPastReport(classifier, reading);
    const stored = await storeModel(storage, unitId, model, userId);
    const added = classifier.leads.length - config.leads.length;
    if (added > 0) await storage.putConfig(unitId, 'leads', { leads: classifier.leads }, userId);
    return { version: stored.version, learned: model.learned, leads: added };
  });
}

/**
 * Learns a report an editor uploaded: read, checked that the categories she placed headings in
 * exist, then learned as `gom learn` does. An unreadable file changes nothing.
 */
export async function learnUploadedReport(
  storage: Storage,
  user: { id: string; unitId: string },
  upload: PastReportUpload,
): Promise<PastReportLearned> {
  const { taxonomy } = await unitConfig(storage, user.unitId);
  const known = new Set(taxonomy.categories.map((c) => c.key));
  const unknown = Object.values(upload.headings ?? {}).filter((c) => !known.has(c));
  if (unknown.length > 0) throw new UnknownCategoryError([...new Set(unknown)]);
  const bytes = Uint8Array.from(Buffer.from(upload.content, 'base64'));
  const reading = readPastReport(pastReportText(upload.name, bytes), taxonomy, upload.headings);
  const learned = await learnPastReports(storage, user.unitId, user.id, [reading]);
  return { ...learned, lessons: reading.lessons.length, unmapped: reading.unmapped };
}
