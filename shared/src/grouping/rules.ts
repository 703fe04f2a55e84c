import { z } from 'zod';
import rulesData from '../../data/rules.json';
import { type Item, itemKindSchema } from '../item';
import { CATCH_ALL_CATEGORY } from '../taxonomy';
import { canonicalText } from '../text';
import { defaultLeads, detectLead, type LeadPattern } from './leads';

const regexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Not a valid regular expression' },
);

/**
 * A rule: a category and the facts that give it away. Every condition present must hold, and a
 * condition holds when any of its values does; a rule with no condition matches everything.
 */
export const classificationRuleSchema = z.object({
  category: z.string().min(1),
  when: z.strictObject({
    /** Whole-word phrases of the text, compared in canonical form. */
    keywords: z.array(z.string().min(1)).optional(),
    /** Ids of lead patterns the text starts with. */
    leads: z.array(z.string().min(1)).optional(),
    kinds: z.array(itemKindSchema).optional(),
    /** The source document's type (tên loại): "Tờ trình", "Kế hoạch" … */
    documentTypes: z.array(z.string().min(1)).optional(),
    /** Words of the source document's issuer (cơ quan ban hành). */
    issuers: z.array(z.string().min(1)).optional(),
    /** Patterns on the source document's reference: "-LS$" is the consular office's công văn. */
    references: z.array(regexSource).optional(),
    tags: z.array(z.string().min(1)).optional(),
  }),
});
export type ClassificationRule = z.infer<typeof classificationRuleSchema>;

/** Ordered, first match wins; as git-cliff's commit groups, the list must end with a catch-all. */
export const ruleListSchema = z
  .array(classificationRuleSchema)
  .min(1)
  .refine((rules) => Object.keys(rules.at(-1)?.when ?? { x: 1 }).length === 0, {
    message: 'The last rule must be a catch-all (no conditions)',
  });

export const defaultRules: ClassificationRule[] = ruleListSchema.parse(rulesData.rules);

/** What the rules look at: an item, or as little of one as a line of text. */
export type Classifiable = Pick<Item, 'text'> & Partial<Pick<Item, 'kind' | 'lead' | 'tags' | 'source'>>;

// Commas stand alone so that "hợp tác, đầu tư" still holds the word "hợp tác".
const wordsOf = (text: string): string =>
  ` ${canonicalText(text)
    .replace(/,/g, ' , ')
    .replace(/[^\p{L}\p{N},/]+/gu, ' ')} `;

const patterns = new Map<string, RegExp>();
const compiled = (source: string): RegExp => {
  let regex = patterns.get(source);
  if (!regex) {
    regex = new RegExp(source, 'u');
    patterns.set(source, regex);
  }
  return regex;
};

// Every clip asks every rule: a rule's keywords are put in their compared form once.
const keywordForms = new WeakMap<ClassificationRule, string[]>();
function keywordsOf(rule: ClassificationRule): string[] | undefined {
  if (!rule.when.keywords) return undefined;
  let forms = keywordForms.get(rule);
  if (!forms) {
    forms = rule.when.keywords.map(wordsOf);
    keywordForms.set(rule, forms);
  }
  return forms;
}

function holds(rule: ClassificationRule, item: Classifiable, words: string, leadId: string | null): boolean {
  const { leads, kinds, documentTypes, issuers, references, tags } = rule.when;
  const keywords = keywordsOf(rule);
  const document = item.source?.document ?? null;
  if (keywords && !keywords.some((k) => words.includes(k))) return false;
  if (leads && !(leadId && leads.includes(leadId))) return false;
  if (kinds && !(item.kind && kinds.includes(item.kind))) return false;
  if (documentTypes && !documentTypes.some((t) => canonicalText(t) === canonicalText(document?.type ?? '')))
    return false;
  if (issuers && !issuers.some((i) => wordsOf(document?.issuer ?? '').includes(wordsOf(i)))) return false;
  if (references && !references.some((r) => compiled(r).test(document?.reference ?? ''))) return false;
  if (tags && !tags.some((t) => item.tags?.includes(t))) return false;
  return true;
}

/** The categories of every rule that matches, in rule order without repeats; none if none does. */
export function matchingCategories(
  item: Classifiable,
  rules: ClassificationRule[] = defaultRules,
  leads: LeadPattern[] = defaultLeads,
): string[] {
  const words = wordsOf(item.text);
  const leadId = detectLead(item.text, leads)?.pattern.id ?? null;
  const found: string[] = [];
  for (const rule of rules) {
    if (found.includes(rule.category)) continue;
    if (Object.keys(rule.when).length === 0 && found.length > 0) continue;
    if (holds(rule, item, words, leadId)) found.push(rule.category);
  }
  return found;
}

/**
 * The categories of every rule that matches, in rule order without repeats: the first is the
 * rules' answer, the others its runners-up. The catch-all comes last only when nothing else matched.
 */
export function matchRules(
  item: Classifiable,
  rules: ClassificationRule[] = defaultRules,
  leads: LeadPattern[] = defaultLeads,
): string[] {
  const found = matchingCategories(item, rules, leads);
  return found.length > 0 ? found : [CATCH_ALL_CATEGORY];
}
