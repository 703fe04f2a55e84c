import type { Item } from '../item';
import { CATCH_ALL_CATEGORY } from '../taxonomy';
import { closestCorrection, forgetCorrection, rememberCorrection } from './corrections';
import { defaultLexicon, type FeatureKnowledge, itemFeatures } from './features';
import { defaultLeads } from './leads';
import { builtInPrior } from './prior';
import { type Classifiable, type ClassificationRule, defaultRules, matchingCategories } from './rules';
import { predictSoftmax, type SoftmaxModel, stepSoftmax } from './softmax';
import { alignedLayer, emptyUnitModel, roundLayer, type UnitModel } from './unit-model';

/**
 * What the grouping step knows of a unit: the built-in knowledge (`prior`, learned from the sample
 * reports, the taxonomy and the lexicon, with the rules as features), the rules, leads and lexicon
 * that turn an item into features, and what the unit's officers taught (`model`).
 */
export interface Classifier extends FeatureKnowledge {
  prior: SoftmaxModel;
  model: UnitModel;
  /**
   * The rules the unit's administrator wrote (none built in): her word, which weighs as an
   * officer's correction does. The built-in rules were written from a few sample reports: they are
   * evidence among the features.
   */
  unitRules: ClassificationRule[];
}

export interface ClassifierOptions extends Partial<FeatureKnowledge> {
  prior?: SoftmaxModel;
  model?: UnitModel;
  unitRules?: ClassificationRule[];
}

export function createClassifier(options: ClassifierOptions = {}): Classifier {
  return {
    rules: options.rules ?? defaultRules,
    leads: options.leads ?? defaultLeads,
    lexicon: options.lexicon ?? defaultLexicon,
    prior: options.prior ?? builtInPrior(),
    model: options.model ?? emptyUnitModel(),
    unitRules: options.unitRules ?? [],
  };
}

export interface CategoryScore {
  category: string;
  confidence: number;
}

export interface Suggestion extends CategoryScore {
  /** The three likeliest categories, best first; the first is the suggestion itself. */
  top: CategoryScore[];
}

/**
 * How far one placed item moves the unit's weights (the rate the prior's own training ended at,
 * see `softmax.ts`), and how hard they are pulled back towards the built-in knowledge: a lesson
 * shifts the items like it, and a unit's usage outweighs the prior only as its lessons agree.
 */
const LESSON_RATE = 0.3;
const LESSON_L2 = 1e-3;
const LESSON_STEPS = 5;
/**
 * What a correction of this very text weighs against the rest (which sums to one), so the
 * officer's word on a text stands however much the unit has learned; a text close to a corrected
 * one weighs by its closeness (see `corrections.ts`).
 */
const CORRECTION_WEIGHT = 2;

const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Every category the classifier knows, likeliest first, with probabilities that sum to one: the
 * built-in knowledge with what the unit learned added, and the officer's nearest correction on top.
 */
export function rankCategories(item: Classifiable, classifier: Classifier = createClassifier()): CategoryScore[] {
  return rankFeatures(itemFeatures(item, classifier), item, classifier);
}

function rankFeatures(features: string[], item: Classifiable, classifier: Classifier): CategoryScore[] {
  const layers = [classifier.prior, alignedLayer(classifier.model, classifier.prior)];
  const scores = predictSoftmax(layers, features);
  // No opinion (no category even twice as likely as a blind guess, and nothing the unit taught
  // about these words): that is the catch-all's.
  const taught = features.some((f) => f in layers[1]!.weights);
  if (!taught && scores.has(CATCH_ALL_CATEGORY) && Math.max(...scores.values()) < 2 / scores.size) {
    scores.set(CATCH_ALL_CATEGORY, Math.max(...scores.values()) * 2);
  }
  const [ruled] = matchingCategories(item, classifier.unitRules, classifier.leads);
  if (ruled && scores.has(ruled)) scores.set(ruled, (scores.get(ruled) ?? 0) + CORRECTION_WEIGHT);
  const correction = closestCorrection(classifier.model, item.text);
  if (correction) {
    scores.set(correction.category, (scores.get(correction.category) ?? 0) + CORRECTION_WEIGHT * correction.closeness);
  }
  const total = [...scores.values()].reduce((a, b) => a + b, 0) || 1;
  return [...scores]
    .map(([category, score]) => ({ category, confidence: score / total }))
    .sort((a, b) => b.confidence - a.confidence);
}

/**
 * The category of an item: the officer's own choice always; otherwise the likeliest of
 * `rankCategories`, with the top three.
 */
export function suggestCategory(
  item: Classifiable & Partial<Pick<Item, 'category' | 'categorySource'>>,
  classifier: Classifier = createClassifier(),
): Suggestion {
  if (item.category && item.categorySource === 'user') {
    return { category: item.category, confidence: 1, top: [{ category: item.category, confidence: 1 }] };
  }
  const top = rankCategories(item, classifier)
    .slice(0, 3)
    .map((s) => ({ category: s.category, confidence: round(s.confidence) }));
  const best = top[0]!;
  return { category: best.category, confidence: best.confidence, top };
}

/**
 * Learns from an item whose category an officer confirmed or corrected: one step of the unit's
 * weights towards it. When the suggestion for its text would still be another category (the
 * built-in knowledge outweighs one lesson), the correction is also remembered as such: the same
 * text, and texts close to it, are then placed as she placed it (see `corrections.ts`).
 */
export function learnFrom(classifier: Classifier, item: Classifiable & { category: string }): void {
  const layer = alignedLayer(classifier.model, classifier.prior);
  const features = itemFeatures(item, classifier);
  // A lesson is learned until the weights alone place its own text (a few steps at most): one that
  // moved the weights by a hair would teach nothing about the texts like it.
  for (let step = 0; step < LESSON_STEPS; step++) {
    stepSoftmax(layer, { features, label: item.category }, LESSON_RATE, LESSON_L2, classifier.prior);
    const [best] = [...predictSoftmax([classifier.prior, layer], features)].sort((a, b) => b[1] - a[1]);
    if (best?.[0] === item.category) break;
  }
  roundLayer(classifier.model, features);
  classifier.model.learned += 1;
  forgetCorrection(classifier.model, item.text);
  if (rankFeatures(features, item, classifier)[0]?.category !== item.category) {
    rememberCorrection(classifier.model, item.text, item.category);
  }
}
