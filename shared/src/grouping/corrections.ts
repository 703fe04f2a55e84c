import { canonicalText } from '../text';
import { type BayesModel, features } from './bayes';

/**
 * A correction of the suggestion is the strongest thing an officer can say about a text, and the
 * naive Bayes model alone cannot carry it: the rules weigh as much as 40 learned items, and one
 * correction is one item. So the model also keeps each correction the suggestion would not follow,
 * and a text close to a corrected one is placed as the officer placed that one.
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

/** Forgets what the officer said of a text before: her latest word on it is the one that counts. */
export function forgetCorrection(model: BayesModel, text: string): void {
  const key = canonicalText(text);
  if (model.corrections?.some((c) => c.text === key))
    model.corrections = model.corrections.filter((c) => c.text !== key);
}

/** Remembers that the officer placed a text in a category the suggestion did not give it. */
export function rememberCorrection(model: BayesModel, text: string, category: string): void {
  forgetCorrection(model, text);
  model.corrections = [...(model.corrections ?? []), { text: canonicalText(text), category }].slice(-MAX_CORRECTIONS);
}

const featureSets = new WeakMap<object, Set<string>>();
function featureSet(correction: { text: string }): Set<string> {
  let set = featureSets.get(correction);
  if (!set) {
    set = new Set(features(correction.text));
    featureSets.set(correction, set);
  }
  return set;
}

/**
 * The correction closest to a text, if one is close enough, and how close: 0 at the similarity
 * threshold, 1 for the corrected text itself. Only the closest speaks, as the officer's nearest
 * precedent: the same text corrected is never outvoted by texts like it.
 */
export function closestCorrection(model: BayesModel, text: string): { category: string; closeness: number } | null {
  const corrections = model.corrections ?? [];
  if (corrections.length === 0) return null;
  const key = canonicalText(text);
  const own = new Set(features(text));
  let best: { category: string; closeness: number } | null = null;
  // Newest first: of two corrections as close, the later one is what the officer thinks now.
  for (let i = corrections.length - 1; i >= 0; i--) {
    const correction = corrections[i]!;
    const exact = correction.text === key;
    let similarity = 1;
    if (!exact) {
      const other = featureSet(correction);
      let shared = 0;
      for (const f of own) if (other.has(f)) shared += 1;
      const union = own.size + other.size - shared;
      similarity = union === 0 ? 0 : shared / union;
    }
    if (similarity < CORRECTION_SIMILARITY) continue;
    const closeness = (similarity - CORRECTION_SIMILARITY) / (1 - CORRECTION_SIMILARITY);
    if (exact) return { category: correction.category, closeness: 1 };
    if (!best || closeness > best.closeness) best = { category: correction.category, closeness };
  }
  return best;
}
