/**
 * The sample reports as the grouping evaluation reads them, and the built-in knowledge rebuilt
 * without one of them: its results leave the training set, its headings leave the taxonomy's
 * variants, and a rule keyword that no other text supports leaves the rules — a keyword only the
 * held-out report says could only have been written from it.
 */
import { readFileSync } from 'node:fs';
import {
  builtInExamples,
  type ClassificationRule,
  type Classifier,
  createClassifier,
  defaultLeads,
  defaultLexicon,
  defaultRules,
  defaultTaxonomy,
  defaultTemplates,
  type Item,
  type ReportKind,
  trainPrior,
  type UnitModel,
} from '@gom/shared';
import { canonicalText } from '../../../shared/src/text';

export interface SampleItem {
  id: string;
  report: string;
  reportKind: ReportKind;
  part: 'results' | 'plans' | 'difficulties';
  category: string | null;
  kind: 'result' | 'stat' | 'plan';
  lead: string | null;
  text: string;
  bullet: number;
  headingAsWritten: string | null;
}

const data = (file: string): string => readFileSync(new URL(`../../../shared/data/${file}`, import.meta.url), 'utf8');
const jsonLines = <T>(file: string): T[] =>
  data(file)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as T);

export const sampleItems = jsonLines<SampleItem>('items.jsonl');
export const reports = [...new Set(sampleItems.map((i) => i.report))];
export const reportText = (report: string): string => data(report);
export const reportBytes = (report: string): Uint8Array =>
  readFileSync(new URL(`../../../shared/data/${report}`, import.meta.url));

interface SampleDocument {
  itemId: string;
  type: string;
  number: string;
  summary: string;
}
const documents = new Map(jsonLines<SampleDocument>('documents.jsonl').map((d) => [d.itemId, d]));

/** The outgoing document behind an item, as a clip of the document carries it. */
export function sourceOf(item: SampleItem): Item['source'] {
  const document = documents.get(item.id);
  if (!document) return null;
  return {
    url: null,
    title: null,
    selection: null,
    document: {
      reference: document.number,
      type: document.type,
      issuedOn: null,
      issuer: 'Sở Ngoại vụ',
      summary: document.summary,
      signer: null,
      direction: 'outgoing',
      dueOn: null,
    },
  };
}

/** The sections of the report kind's template that take results: the candidates of an item. */
export function resultSections(kind: ReportKind) {
  const template = defaultTemplates.find((t) => t.kind === kind);
  const part = template?.parts.find((p) => p.kinds.includes('result') && p.sections.length > 0);
  if (!part) throw new Error(`No sectioned results part in the ${kind} template`);
  return part;
}

/** The section an item's category falls in, in its report kind's template (the answer). */
export function sectionOf(item: SampleItem): number {
  const sections = resultSections(item.reportKind).sections;
  const index = sections.findIndex((s) => s.categories.includes(item.category ?? ''));
  return index < 0 ? sections.length - 1 : index;
}

function rulesWithout(heldOutText: string, supporting: string): ClassificationRule[] {
  const own = canonicalText(heldOutText);
  const other = canonicalText(supporting);
  return defaultRules.flatMap((rule) => {
    const keywords = rule.when.keywords;
    if (!keywords) return [rule];
    const kept = keywords.filter((k) => !own.includes(canonicalText(k)) || other.includes(canonicalText(k)));
    return kept.length > 0 ? [{ ...rule, when: { ...rule.when, keywords: kept } }] : [];
  });
}

/** The built-in classifier as it would be had the held-out report never been seen. */
export function coldClassifier(heldOut: string, model?: UnitModel): Classifier {
  const heldOutText = reportText(heldOut);
  const examples = builtInExamples.filter((e) => e.report !== heldOut);
  const supporting = [
    ...examples.map((e) => e.text),
    ...reports.filter((r) => r !== heldOut).map(reportText),
    ...Object.values(defaultLexicon.terms).flat(),
  ].join('\n');
  const taxonomy = {
    ...defaultTaxonomy,
    categories: defaultTaxonomy.categories.map((c) => ({
      ...c,
      variants: c.variants.filter((v) => !canonicalText(heldOutText).includes(canonicalText(v))),
    })),
  };
  const knowledge = { rules: rulesWithout(heldOutText, supporting), leads: defaultLeads, lexicon: defaultLexicon };
  return createClassifier({
    ...knowledge,
    prior: trainPrior({ taxonomy, knowledge, examples }),
    ...(model ? { model } : {}),
  });
}
