import { z } from 'zod';
import lexiconData from '../../data/lexicon.json';
import { canonicalText } from '../text';
import { defaultLeads, detectLead, type LeadPattern } from './leads';
import { type Classifiable, type ClassificationRule, defaultRules, matchRules } from './rules';

/**
 * The words that speak for a category, per category key: the concepts of each category's
 * description in the taxonomy, in the words a Vietnamese administration writes them (see
 * `shared/data/README.md`). They are evidence the model weighs, never a verdict.
 */
export const lexiconSchema = z.object({ terms: z.record(z.string(), z.array(z.string().min(1))) });
export type Lexicon = z.infer<typeof lexiconSchema>;
export const defaultLexicon: Lexicon = lexiconSchema.parse(lexiconData);

/** What turns an item into features besides its words: the unit's rules, leads and lexicon. */
export interface FeatureKnowledge {
  rules: ClassificationRule[];
  leads: LeadPattern[];
  lexicon: Lexicon;
}

export const defaultFeatureKnowledge: FeatureKnowledge = {
  rules: defaultRules,
  leads: defaultLeads,
  lexicon: defaultLexicon,
};

/**
 * Syllables and pairs of syllables; digits are dropped, they name dates and counts, not subjects.
 * Vietnamese writes one syllable a word-piece, so pairs stand for most two-syllable words ("hợp
 * tác", "lãnh sự") without a segmenter.
 */
export function textFeatures(text: string): string[] {
  const syllables = canonicalText(text)
    .replace(/[^\p{L}]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
  const out = [...syllables];
  for (let i = 1; i < syllables.length; i++) out.push(`${syllables[i - 1]} ${syllables[i]}`);
  return out;
}

const spaced = (text: string): string => ` ${canonicalText(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
const spacedTerms = new WeakMap<Lexicon, Array<[string, string]>>();

/** One `term:<category>` feature per lexicon term the text holds as whole words. */
export function termFeatures(text: string, lexicon: Lexicon): string[] {
  let terms = spacedTerms.get(lexicon);
  if (!terms) {
    terms = Object.entries(lexicon.terms).flatMap(([category, list]) =>
      list.map((term): [string, string] => [category, spaced(term)]),
    );
    spacedTerms.set(lexicon, terms);
  }
  const words = spaced(text);
  return terms.filter(([, term]) => words.includes(term)).map(([category]) => `term:${category}`);
}

/** The last segment of a reference names the office that drafted it: "-HTQT", "-LS", "-VPTTr". */
const officeOf = (reference: string): string | null => /-([\p{L}\p{N}]+)\s*$/u.exec(reference)?.[1] ?? null;

/**
 * Everything the classifier weighs of an item: its words, the lexicon terms it holds, the
 * categories of the rules it matches, its lead and kind, and the source document's type, issuer
 * and drafting office.
 */
export function itemFeatures(item: Classifiable, knowledge: FeatureKnowledge = defaultFeatureKnowledge): string[] {
  const out = textFeatures(item.text).map((f) => `w:${f}`);
  out.push(...termFeatures(item.text, knowledge.lexicon));
  for (const category of matchRules(item, knowledge.rules, knowledge.leads)) out.push(`rule:${category}`);
  const lead = detectLead(item.text, knowledge.leads);
  if (lead) out.push(`lead:${lead.pattern.id}`);
  // A result is what nearly every item is: only another kind says something (a directive, a figure).
  if (item.kind && item.kind !== 'result') out.push(`kind:${item.kind}`);
  const document = item.source?.document;
  if (document?.type) out.push(`type:${canonicalText(document.type)}`);
  if (document?.issuer) out.push(`issuer:${canonicalText(document.issuer)}`);
  const office = document?.reference ? officeOf(document.reference) : null;
  if (office) out.push(`office:${office.toLowerCase()}`);
  return out;
}
