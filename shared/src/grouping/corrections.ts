import { canonicalText } from '../text';
import { textFeatures as features } from './features';
import type { UnitModel } from './unit-model';

/**
 * A correction of the suggestion is the strongest thing an officer can say about a text, and the
 * learned weights alone cannot carry it: one item moves them a little, against all the built-in
 * knowledge. So the model also keeps each correction the suggestion would not follow, and a text
 * close to a corrected one is placed as the officer placed that one.
 */

/**
 * Corrections kept, newest last; the oldest beyond this are dropped so that the stored model,
 * validated at every load, stays small.
 */
const MAX_CORRECTIONS = 500;
/**
 * How alike two texts must be (Jaccard over syllables and syllable pairs) for a correction of one to
 * speak for the other. Two clips of the same kind of document share their lead and subject
 * ("Góp ý xử lý tài sản của Trung tâm MSI …") well above this; texts that merely share a lead
 * ("Tham mưu UBND tỉnh …") stay below it.
 */
const CORRECTION_SIMILARITY = 0.5;

type Correction = UnitModel['corrections'][number];

const featureSets = new WeakMap<Correction, Set<string>>();
function featureSet(correction: Correction): Set<string> {
  let set = featureSets.get(correction);
  if (!set) {
    set = new Set(features(correction.text));
    featureSets.set(correction, set);
  }
  return set;
}

/**
 * Which corrections hold each feature: a text is compared with the corrections that share a
 * feature with it, not with all of them. Kept up to date as corrections come and go, and built
 * afresh for a model loaded from storage.
 */
interface CorrectionIndex {
  list: Correction[];
  holders: Map<string, Set<Correction>>;
}
const indexes = new WeakMap<UnitModel, CorrectionIndex>();

function indexed(index: CorrectionIndex, correction: Correction, present: boolean): void {
  for (const f of featureSet(correction)) {
    let holders = index.holders.get(f);
    if (!holders) {
      holders = new Set();
      index.holders.set(f, holders);
    }
    if (present) holders.add(correction);
    else holders.delete(correction);
  }
}

function indexOf(model: UnitModel): CorrectionIndex {
  let index = indexes.get(model);
  if (index?.list !== model.corrections) {
    index = { list: model.corrections, holders: new Map() };
    for (const correction of model.corrections) indexed(index, correction, true);
    indexes.set(model, index);
  }
  return index;
}

/** Replaces the model's corrections, keeping its index in step. */
function setCorrections(model: UnitModel, next: Correction[]): void {
  const index = indexOf(model);
  const kept = new Set(next);
  for (const c of model.corrections) if (!kept.has(c)) indexed(index, c, false);
  const had = new Set(model.corrections);
  for (const c of next) if (!had.has(c)) indexed(index, c, true);
  model.corrections = next;
  index.list = next;
}

/** Forgets what the officer said of a text before: her latest word on it is the one that counts. */
export function forgetCorrection(model: UnitModel, text: string): void {
  const key = canonicalText(text);
  if (model.corrections.some((c) => c.text === key)) {
    setCorrections(
      model,
      model.corrections.filter((c) => c.text !== key),
    );
  }
}

/** Remembers that the officer placed a text in a category the suggestion did not give it. */
export function rememberCorrection(model: UnitModel, text: string, category: string): void {
  forgetCorrection(model, text);
  setCorrections(model, [...model.corrections, { text: canonicalText(text), category }].slice(-MAX_CORRECTIONS));
}

/**
 * The correction closest to a text, if one is close enough, and how close: 0 at the similarity
 * threshold, 1 for the corrected text itself. Only the closest speaks, as the officer's nearest
 * precedent: the same text corrected is never outvoted by texts like it.
 */
export function closestCorrection(model: UnitModel, text: string): { category: string; closeness: number } | null {
  const corrections = model.corrections;
  if (corrections.length === 0) return null;
  const key = canonicalText(text);
  const own = new Set(features(text));
  const { holders } = indexOf(model);
  const shared = new Map<Correction, number>();
  for (const f of own) for (const c of holders.get(f) ?? []) shared.set(c, (shared.get(c) ?? 0) + 1);
  let best: { category: string; closeness: number } | null = null;
  // Newest first: of two corrections as close, the later one is what the officer thinks now.
  for (let i = corrections.length - 1; i >= 0; i--) {
    const correction = corrections[i]!;
    if (correction.text === key) return { category: correction.category, closeness: 1 };
    const common = shared.get(correction) ?? 0;
    const union = own.size + featureSet(correction).size - common;
    const similarity = union === 0 ? 0 : common / union;
    if (similarity < CORRECTION_SIMILARITY) continue;
    const closeness = (similarity - CORRECTION_SIMILARITY) / (1 - CORRECTION_SIMILARITY);
    if (!best || closeness > best.closeness) best = { category: correction.category, closeness };
  }
  return best;
}
