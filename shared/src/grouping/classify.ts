import type { Item } from '../item';
import { CATCH_ALL_CATEGORY } from '../taxonomy';
import { type BayesModel, emptyBayesModel, learn, learnedCount, predict } from './bayes';
import { closestCorrection, forgetCorrection, rememberCorrection } from './corrections';
import { defaultLeads, type LeadPattern } from './leads';
import { type Classifiable, type ClassificationRule, defaultRules, matchRules } from './rules';

/** What the grouping step knows of a unit: its rules, its leads and what it learned from its officers. */
export interface Classifier {
  rules: ClassificationRule[];
  leads: LeadPattern[];
  model: BayesModel;
}

export function createClassifier(options: Partial<Classifier> = {}): Classifier {
  return {
    rules: options.rules ?? defaultRules,
    leads: options.leads ?? defaultLeads,
    model: options.model ?? emptyBayesModel(),
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

/** The weights of the first, second and third category the rules name. */
const RULE_RANK_WEIGHTS = [0.7, 0.2, 0.1];
/**
 * How many confirmed items the rules are worth: with none learned the rules decide alone, and the
 * unit's own usage takes over as it accumulates (at 40 items the two weigh the same).
 */
const RULES_PRIOR_ITEMS = 40;
/**
 * The catch-all is the rules having no opinion: it yields to anything the unit has learned, so
 * that a few corrections of what the rules cannot place are enough to place it.
 */
const CATCH_ALL_WEIGHT = 0.02;
/**
 * What a correction of this very text weighs: twice the rules and the model together (each sums
 * to at most one), so the officer's word on a text stands however much the unit has learned. A
 * text close to a corrected one outweighs the rules' first answer (0.7) from a closeness of 0.35,
 * a Jaccard similarity of about 0.68.
 */
const CORRECTION_WEIGHT = 2;

const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * The category of an item: the officer's own choice always; otherwise the rules' ranking blended
 * with what the unit's confirmed items taught, as a top three with confidences.
 */
export function suggestCategory(
  item: Classifiable & Partial<Pick<Item, 'category' | 'categorySource'>>,
  classifier: Classifier = createClassifier(),
): Suggestion {
  if (item.category && item.categorySource === 'user') {
    return { category: item.category, confidence: 1, top: [{ category: item.category, confidence: 1 }] };
  }
  const scores = new Map<string, number>();
  const learned = learnedCount(classifier.model);
  const ruleShare = RULES_PRIOR_ITEMS / (RULES_PRIOR_ITEMS + learned);
  const ruled = matchRules(item, classifier.rules, classifier.leads);
  const opinion = ruled.length === 1 && ruled[0] === CATCH_ALL_CATEGORY ? CATCH_ALL_WEIGHT : 1;
  ruled.forEach((category, rank) => {
    scores.set(category, (scores.get(category) ?? 0) + ruleShare * opinion * (RULE_RANK_WEIGHTS[rank] ?? 0));
  });
  for (const [category, p] of predict(classifier.model, item.text)) {
    scores.set(category, (scores.get(category) ?? 0) + (1 - ruleShare) * p);
  }
  const correction = closestCorrection(classifier.model, item.text);
  if (correction) {
    scores.set(correction.category, (scores.get(correction.category) ?? 0) + CORRECTION_WEIGHT * correction.closeness);
  }
  const total = [...scores.values()].reduce((a, b) => a + b, 0) || 1;
  const ranked = [...scores]
    .map(([category, score]) => ({ category, confidence: round(score / total) }))
    .sort((a, b) => b.confidence - a.confidence);
  const top = ranked.slice(0, 3);
  const best = top[0]!;
  return { category: best.category, confidence: best.confidence, top };
}

/**
 * Learns from an item whose category an officer confirmed or corrected. When the suggestion for its
 * text would still be another category (the rules outweigh one learned item), the correction is
 * also remembered as such: the same text, and texts close to it, are then placed as she placed it
 * (see `corrections.ts`).
 */
export function learnFrom(classifier: Classifier, item: { text: string; category: string }): void {
  learn(classifier.model, item.text, item.category);
  forgetCorrection(classifier.model, item.text);
  if (suggestCategory({ text: item.text }, classifier).category !== item.category) {
    rememberCorrection(classifier.model, item.text, item.category);
  }
}
