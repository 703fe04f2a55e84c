import { z } from 'zod';
import { canonicalText } from '../text';

/**
 * A multinomial naive Bayes over Vietnamese syllables and syllable pairs. Vietnamese writes one
 * syllable a word-piece, so pairs stand for most two-syllable words ("hợp tác", "lãnh sự") without
 * a segmenter. The state is plain counts: it is stored as JSON and grows one confirmed item at a time.
 */
export const bayesModelSchema = z.object({
  version: z.literal(1),
  /** Confirmed items learned, per category. */
  documents: z.record(z.string(), z.number().int().nonnegative()),
  /** Feature occurrences, per category. */
  totals: z.record(z.string(), z.number().int().nonnegative()),
  counts: z.record(z.string(), z.record(z.string(), z.number().int().positive())),
  /** Distinct features seen in any category: the size of the vocabulary for smoothing. */
  vocabulary: z.number().int().nonnegative(),
  /**
   * The officers' corrections of what the rules place elsewhere (canonical text → category), oldest
   * first; see `corrections.ts`. Optional: a model stored before corrections were kept still loads.
   */
  corrections: z.array(z.object({ text: z.string(), category: z.string() })).optional(),
});
export type BayesModel = z.infer<typeof bayesModelSchema>;

export function emptyBayesModel(): BayesModel {
  return { version: 1, documents: {}, totals: {}, counts: {}, vocabulary: 0 };
}

export function learnedCount(model: BayesModel): number {
  return Object.values(model.documents).reduce((sum, n) => sum + n, 0);
}

/** Syllables and pairs of syllables; digits are dropped, they name dates and counts, not subjects. */
export function features(text: string): string[] {
  const syllables = canonicalText(text)
    .replace(/[^\p{L}]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
  const out = [...syllables];
  for (let i = 1; i < syllables.length; i++) out.push(`${syllables[i - 1]} ${syllables[i]}`);
  return out;
}

/** Learns one confirmed item; the model is changed in place (it is the unit's running state). */
export function learn(model: BayesModel, text: string, category: string): void {
  const known = (feature: string): boolean => Object.values(model.counts).some((c) => feature in c);
  model.documents[category] = (model.documents[category] ?? 0) + 1;
  const counts = model.counts[category] ?? {};
  model.counts[category] = counts;
  for (const feature of features(text)) {
    if (!known(feature)) model.vocabulary += 1;
    counts[feature] = (counts[feature] ?? 0) + 1;
    model.totals[category] = (model.totals[category] ?? 0) + 1;
  }
}

/**
 * The posterior over the categories learned so far. Naive Bayes is overconfident in proportion to
 * the length of the text, so the log-likelihood is averaged per feature before the softmax: a long
 * item does not drown out the rules. The sharpness of 4 was the best on the samples (a sharper one
 * let learned items overrule right answers of the rules).
 */
export function predict(model: BayesModel, text: string, sharpness = 4): Map<string, number> {
  const categories = Object.keys(model.documents);
  const result = new Map<string, number>();
  if (categories.length === 0) return result;
  const feats = features(text);
  const learned = learnedCount(model);
  const scores = categories.map((category) => {
    const counts = model.counts[category] ?? {};
    const denominator = (model.totals[category] ?? 0) + model.vocabulary + 1;
    let logLikelihood = 0;
    for (const f of feats) logLikelihood += Math.log(((counts[f] ?? 0) + 1) / denominator);
    const prior = Math.log((model.documents[category] ?? 0) / learned);
    return prior / Math.max(1, feats.length) + logLikelihood / Math.max(1, feats.length);
  });
  const top = Math.max(...scores);
  const weights = scores.map((s) => Math.exp((s - top) * sharpness));
  const sum = weights.reduce((a, b) => a + b, 0);
  categories.forEach((category, i) => {
    result.set(category, (weights[i] ?? 0) / sum);
  });
  return result;
}
