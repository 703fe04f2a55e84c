import { type Classifier, createClassifier, suggestCategory } from '../grouping/classify';
import { groupBySection } from '../grouping/group';
import { type Bullet, mergeByLead } from '../grouping/merge';
import type { Item } from '../item';
import { nextPeriod, type Period, periodContains } from '../periods/period';
import { dataReach, headerDate, nextPeriodTitle, periodTitle } from '../periods/wording';
import type { UnitProfile } from '../taxonomy';
import {
  defaultMetricCatalog,
  directiveSummary,
  figureSentences,
  formatCount,
  type MetricCatalog,
  sumFigures,
} from './figures';
import { closeSentence } from './join';
import type { ReportFootnote, ReportModel, ReportPart, ReportSection } from './model';
import { plansFor } from './plans';
import type { ReportTemplate, TemplatePart } from './template';

export interface ReportInput {
  items: Item[];
  /** Any period: week, month, quarter, half, nine months, year or custom; calendar or ND09 cut-off. */
  period: Period;
  template: ReportTemplate;
  unit: UnitProfile;
  /** The date printed in the header (ISO). */
  issuedOn: string;
  /**
   * The last day the data covers, for a report due before its period ends (an annual report
   * written in October); the report then says how far its data reaches. Unset: the whole period.
   */
  asOf?: string;
  /** The day of the header's date left blank, for the signer to write in (a unit's choice). */
  blankDay?: boolean;
  /** The unit's rules, leads and what it learned; the built-in ones by default. */
  classifier?: Classifier;
  metrics?: MetricCatalog;
}

/** What `{period}` and `{nextPeriod}` read as in a template's texts. */
export interface PeriodWords {
  period: string;
  nextPeriod: string;
}

type Ranked = Pick<Item, 'rank' | 'occurredOn' | 'createdAt'>;

export function byRank(a: Ranked, b: Ranked): number {
  return a.rank - b.rank || a.occurredOn.localeCompare(b.occurredOn) || a.createdAt.localeCompare(b.createdAt);
}

/** Fills `{unit}`, `{period}`, `{nextPeriod}`; a text in capitals gets its periods in capitals. */
export function fillPlaceholders(text: string, words: PeriodWords, unitName: string): string {
  const bare = text.replace(/\{\w+\}/g, '');
  const caps = bare === bare.toUpperCase() && bare !== bare.toLowerCase();
  const cased = (title: string): string => (caps ? title.toUpperCase() : title);
  return text
    .replaceAll('{period}', cased(words.period))
    .replaceAll('{nextPeriod}', cased(words.nextPeriod))
    .replaceAll('{unit}', unitName);
}

// The clause of a template's text that names the next period, from the comma or "và" that opens
// it: ", kế hoạch {nextPeriod}", " và phương hướng nhiệm vụ {nextPeriod}".
const NEXT_PERIOD_CLAUSE = /(?:,| và) [^,;:{}]*\{nextPeriod\}/gu;

/**
 * A template's text for a report without plans: the clause that announces them is left out, so
 * that the report never promises a part it lacks ("Hoạt động đối ngoại tháng 3/2021").
 */
function withoutNextPeriod(text: string): string {
  return text.replace(NEXT_PERIOD_CLAUSE, '');
}

/**
 * The category an item is reported under: the one it carries (the officer's, or the suggestion
 * she saw in the side panel and left), a figure's metric's, else the classifier's suggestion.
 */
function categorize(item: Item, classifier: Classifier, metrics: MetricCatalog): string {
  if (item.category) return item.category;
  // A rule on the kind alone is the template's own layout (directives are followed up together).
  const byKind = classifier.rules.find((r) => r.when.kinds?.includes(item.kind) && Object.keys(r.when).length === 1);
  if (byKind) return byKind.category;
  const metric = item.kind === 'stat' ? metrics.metrics.find((m) => m.key === item.metric) : undefined;
  return metric?.category ?? suggestCategory(item, classifier).category;
}

/**
 * An enumeration of more clauses than this is long. The longest in the sample monthly report has
 * six ("Văn bản gửi các cơ quan, đơn vị liên quan về việc: …", about five lines of the page), and
 * officers write no longer ones in a month; a year gathers twelve months of them into one bullet,
 * which then runs over half a page and buries its section.
 */
export const LONG_ENUMERATION = 6;
/** How many clauses of a long enumeration stay in the text: enough to say what the list is about. */
const INLINE_CLAUSES = 3;

/** A bullet, and the footnote that holds the tail of its enumeration when that was too long. */
interface DraftBullet {
  text: string;
  footnote?: string;
}

/**
 * An annual report keeps the first clauses of a long enumeration in its text and moves the rest
 * into a footnote, "Lead: a; b; c và 09 nội dung khác¹.": the section still reads as a list of
 * kinds of work, and no item is dropped from the signed document.
 */
function footnoted(bullet: Bullet): DraftBullet {
  const list = bullet.enumeration;
  if (!list || list.clauses.length <= LONG_ENUMERATION) return { text: bullet.text };
  const kept = list.clauses.slice(0, INLINE_CLAUSES);
  const rest = list.clauses.slice(INLINE_CLAUSES);
  return {
    text: `${list.lead}${list.separator}${kept.join('; ')} và ${formatCount(rest.length)} nội dung khác.`,
    footnote: `${rest.join('; ')}.`,
  };
}

/**
 * The bullets of one section: the figures summed per metric first (as the samples open the
 * services section with them), then the directives in one sentence, then the items merged by lead.
 */
function sectionBullets(
  items: Item[],
  unitName: string,
  classifier: Classifier,
  metrics: MetricCatalog,
  footnotes: boolean,
): DraftBullet[] {
  const figures = items.filter((i) => i.kind === 'stat' && i.metric !== null && i.value !== null);
  const sums = sumFigures(figures);
  const figureLines = [...new Set(metrics.metrics.map((m) => m.category))].flatMap((category) =>
    figureSentences(sums, category, metrics),
  );
  const directives = directiveSummary(items, unitName, metrics);
  const written = items.filter((i) => i.kind !== 'directive' && !figures.includes(i));
  const merged = mergeByLead(written, classifier.leads).map((b) => (footnotes ? footnoted(b) : { text: b.text }));
  return [
    ...[...figureLines, ...(directives ? [directives] : [])].map((text) => ({ text })),
    ...merged.map((bullet) => ({ ...bullet, text: closeSentence(bullet.text) })),
  ];
}

type DraftSection = Omit<ReportSection, 'bullets'> & { bullets: DraftBullet[] };

function partSections(
  part: TemplatePart,
  items: Item[],
  categoryOf: (item: Item) => string,
  bullets: (items: Item[]) => DraftBullet[],
): DraftSection[] {
  if (part.sections.length === 0) return [{ heading: null, bullets: bullets(items) }];
  const grouped = groupBySection(part, items, categoryOf);
  if (!part.numbered) return [{ heading: null, bullets: bullets(grouped.flatMap((g) => g.items)) }];
  const sections: DraftSection[] = [];
  let number = 0;
  let openGroup: { title: string; number: number; count: number } | null = null;
  grouped.forEach(({ title, items: sectionItems }, index) => {
    if (sectionItems.length === 0) return;
    const group = part.sections[index]?.group;
    if (!group) {
      openGroup = null;
      number += 1;
      sections.push({ heading: `${number}. ${title}`, bullets: bullets(sectionItems) });
      return;
    }
    if (openGroup?.title !== group) {
      number += 1;
      openGroup = { title: group, number, count: 0 };
      sections.push({ heading: `${number}. ${group}`, bullets: [], opensGroup: true });
    }
    openGroup.count += 1;
    sections.push({ heading: `${openGroup.number}.${openGroup.count}. ${title}`, bullets: bullets(sectionItems) });
  });
  return sections;
}

/**
 * The pipeline: items → period → classify → group into the template's sections → order → merge by
 * lead → figures → report model. Renderers take the model and nothing else.
 */
export function buildReport(input: ReportInput): ReportModel {
  const { period, template, unit, issuedOn } = input;
  const classifier = input.classifier ?? createClassifier();
  const metrics = input.metrics ?? defaultMetricCatalog;
  const next = nextPeriod(period);
  const title = periodTitle(period);
  const reach = input.asOf === undefined ? null : dataReach(period, input.asOf);
  const nextTitle = nextPeriodTitle(period, next);
  // The title names the whole period; the text around the results says what the data covers
  // ("báo cáo kết quả … 10 tháng đầu năm 2023"), so that nobody reads ten months as twelve.
  const fillTitle = (text: string): string =>
    fillPlaceholders(text, { period: title, nextPeriod: nextTitle }, unit.name);
  const fill = (text: string): string =>
    fillPlaceholders(text, { period: reach ?? title, nextPeriod: nextTitle }, unit.name);
  const live = input.items.filter((item) => !item.deleted).sort(byRank);
  const inPeriod = live.filter((item) => periodContains(period, item.occurredOn));
  const plans = plansFor(live, { from: period.from, to: period.to, nextId: next?.id ?? null });

  const categories = new Map<Item, string>();
  const categoryOf = (item: Item): string => {
    let category = categories.get(item);
    if (category === undefined) {
      category = categorize(item, classifier, metrics);
      categories.set(item, category);
    }
    return category;
  };
  const footnoteLong = template.kind === 'year';
  const bullets = (items: Item[]): DraftBullet[] => sectionBullets(items, unit.name, classifier, metrics, footnoteLong);

  const parts: ReportPart[] = [];
  const omittedParts: ReportModel['omittedParts'] = [];
  const footnotes: ReportFootnote[] = [];
  const listed = new Set<string>();
  for (const part of template.parts) {
    const partItems = [...inPeriod.filter((i) => i.kind !== 'plan'), ...plans].filter((i) =>
      part.kinds.includes(i.kind),
    );
    if (partItems.length === 0) {
      if (part.kinds.length > 0) omittedParts.push({ heading: fill(part.heading), kinds: part.kinds });
      continue;
    }
    const sections = partSections(part, partItems, categoryOf, bullets).map((section, s): ReportSection => {
      section.bullets.forEach(({ footnote }, b) => {
        if (footnote !== undefined) footnotes.push({ part: parts.length, section: s, bullet: b, text: footnote });
      });
      return { ...section, bullets: section.bullets.map((bullet) => bullet.text) };
    });
    parts.push({ heading: fill(part.heading), sections });
    for (const item of partItems) listed.add(item.id);
  }

  const withoutPlans = omittedParts.some((part) => part.kinds.includes('plan'));
  const framing = (text: string): string => (withoutPlans ? withoutNextPeriod(text) : text);
  return {
    period: { kind: period.kind, id: period.id, from: period.from, to: period.to, title, dataReach: reach },
    itemIds: [...listed],
    header: {
      parentAgency: unit.parentAgency,
      agency: unit.agency,
      numberLine: `Số:      /BC-${unit.abbreviation}`,
      nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      placeAndDate: headerDate(unit.place, issuedOn, { blankDay: input.blankDay ?? false }),
    },
    documentType: 'BÁO CÁO',
    summary: fillTitle(framing(template.summary)),
    addressees: template.addressees,
    opening: fill(framing(template.opening)),
    parts,
    omittedParts,
    footnotes,
    closing: fill(framing(template.closing)),
    recipients: template.recipients,
    signer: template.signer,
  };
}
