import { z } from 'zod';
import examplesData from '../../data/examples.json';
import { itemKindSchema } from '../item';
import { defaultTaxonomy, type Taxonomy } from '../taxonomy';
import { canonicalText } from '../text';
import { defaultFeatureKnowledge, type FeatureKnowledge, itemFeatures } from './features';
import type { Classifiable, ClassificationRule } from './rules';
import { type SoftmaxModel, type TrainingExample, trainSoftmax } from './softmax';

/** A result of a sample report as the built-in classifier learns it (`shared/data/examples.json`). */
export const builtInExamplesSchema = z.array(
  z.object({
    text: z.string().min(1),
    category: z.string().min(1),
    kind: itemKindSchema,
    report: z.string(),
    reportKind: z.string(),
    reference: z.string().nullable(),
    type: z.string().nullable(),
  }),
);
export type BuiltInExample = z.infer<typeof builtInExamplesSchema>[number];

export const builtInExamples: BuiltInExample[] = builtInExamplesSchema.parse(examplesData.examples);

/** What the built-in knowledge is made of; the evaluation leaves a report out of each. */
export interface PriorSources {
  taxonomy: Taxonomy;
  knowledge: FeatureKnowledge;
  examples: readonly BuiltInExample[];
}

const asClassifiable = (example: BuiltInExample): Classifiable => ({
  text: example.text,
  kind: example.kind,
  source: example.reference
    ? {
        url: null,
        title: null,
        selection: null,
        document: {
          reference: example.reference,
          type: example.type,
          issuedOn: null,
          issuer: null,
          summary: null,
          signer: null,
          direction: 'outgoing',
          dueOn: null,
        },
      }
    : null,
});

/** A rule as features: its category's rule feature, and the item's facts it asks for (`features.ts`). */
function ruleFacts(rule: ClassificationRule): string[] {
  const { kinds = [], documentTypes = [], issuers = [], references = [] } = rule.when;
  const offices = references.flatMap((r) => /^-([\p{L}\p{N}]+)\$$/u.exec(r)?.[1] ?? []);
  return [
    `rule:${rule.category}`,
    ...kinds.map((k) => `kind:${k}`),
    ...documentTypes.map((t) => `type:${canonicalText(t)}`),
    ...issuers.map((i) => `issuer:${canonicalText(i)}`),
    ...offices.map((o) => `office:${o.toLowerCase()}`),
  ];
}

/**
 * The training set of the built-in knowledge: the sample reports' results; each category's title
 * and the headings it is known by; each lexicon term alone, as the shortest text that speaks for
 * its category; and each rule as the facts it names, so that a rule speaks for its category even
 * when no example matched it (a directive to follow up, a document of the consular office).
 */
function priorTrainingSet({ taxonomy, knowledge, examples }: PriorSources): TrainingExample[] {
  const features = (item: Classifiable) => itemFeatures(item, knowledge);
  const known = new Set(taxonomy.categories.map((c) => c.key));
  const out: TrainingExample[] = examples
    .filter((e) => known.has(e.category))
    .map((e) => ({ features: features(asClassifiable(e)), label: e.category }));
  for (const category of taxonomy.categories) {
    for (const title of [category.title, ...category.variants]) {
      out.push({ features: features({ text: title }), label: category.key });
    }
    for (const term of knowledge.lexicon.terms[category.key] ?? []) {
      out.push({ features: features({ text: term }), label: category.key });
    }
  }
  for (const rule of knowledge.rules) {
    if (known.has(rule.category)) out.push({ features: ruleFacts(rule), label: rule.category });
  }
  return out;
}

/** The built-in knowledge: a model of every category of the taxonomy, learned from the sources. */
export function trainPrior(sources: PriorSources): SoftmaxModel {
  return trainSoftmax(
    sources.taxonomy.categories.map((c) => c.key),
    priorTrainingSet(sources),
  );
}

const learnedPriors = new WeakMap<Taxonomy, WeakMap<FeatureKnowledge['rules'], SoftmaxModel>>();

/**
 * The built-in knowledge of a unit's taxonomy and rules, learned once on first use: a unit that
 * replaced its taxonomy gets a prior over its own categories.
 */
export function priorFor(taxonomy: Taxonomy, knowledge: FeatureKnowledge): SoftmaxModel {
  const byRules = learnedPriors.get(taxonomy) ?? new WeakMap();
  learnedPriors.set(taxonomy, byRules);
  let prior = byRules.get(knowledge.rules);
  if (!prior) {
    prior = trainPrior({ taxonomy, knowledge, examples: builtInExamples });
    byRules.set(knowledge.rules, prior);
  }
  return prior;
}

/** The built-in knowledge of the default unit. */
export function builtInPrior(): SoftmaxModel {
  return priorFor(defaultTaxonomy, defaultFeatureKnowledge);
}
