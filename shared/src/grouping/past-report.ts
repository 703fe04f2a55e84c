import type { Taxonomy } from '../taxonomy';
import { canonicalText, cleanText } from '../text';
import { type Classifier, learnFrom } from './classify';
import { textFeatures } from './features';
import { detectLead, type LeadPattern } from './leads';

/**
 * A report the unit issued before, read for what it teaches: the bullets of each numbered section
 * of its results, under the category the section's heading names, and the leads its merged bullets
 * open with ("Văn bản gửi các cơ quan, đơn vị liên quan về việc: a; b; c."). The text comes in
 * paragraphs, one a line (a .docx's paragraphs, Markdown, or a PDF's text layer once repaired and
 * joined); see `docs/architecture.md` for where the lessons go.
 */
export interface PastReportReading {
  /** One action each, with the category of the section it was written under. */
  lessons: Array<{ text: string; category: string }>;
  /** The leads of the report's merged bullets, as written, without the colon. */
  leads: string[];
  /** Section headings that name no category of the taxonomy: their bullets teach nothing. */
  unmapped: string[];
  /** Bullets of the results outside any section (a weekly report's flat list): placed by nobody. */
  unplaced: number;
}

type Part = 'results' | 'difficulties' | 'plans' | 'other';

const ROMAN_HEADING = /^(?:[IVX]{1,4})\s*[.)]\s*(.+)$/u;
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*(.+)$/u;
const BULLET = /^[-–—•+*]\s*/u;
/** How much of a heading must be a category's title (or a variant) for the heading to name it. */
const TITLE_SIMILARITY = 0.6;

function partOf(heading: string): Part {
  const words = canonicalText(heading);
  if (/khó khăn|thuận lợi|vướng mắc/u.test(words)) return 'difficulties';
  if (/kế hoạch|nhiệm vụ|phương hướng/u.test(words)) return 'plans';
  if (/kết quả/u.test(words)) return 'results';
  return 'other';
}

const syllables = (text: string): string[] => textFeatures(text).filter((f) => !f.includes(' '));

/**
 * The category whose title or variant the heading starts with, and how many of the heading's
 * syllables that title takes (a PDF's text may have glued the first paragraph to its heading).
 */
function categoryOfHeading(heading: string, taxonomy: Taxonomy): { category: string; length: number } | null {
  const words = syllables(heading);
  let best: { category: string; length: number; similarity: number } | null = null;
  for (const category of taxonomy.categories) {
    for (const title of [category.title, ...category.variants]) {
      const own = new Set(syllables(title));
      const start = new Set(words.slice(0, own.size + 2));
      let shared = 0;
      for (const s of own) if (start.has(s)) shared += 1;
      const similarity = shared / Math.max(own.size, 1);
      if (similarity >= TITLE_SIMILARITY && (!best || similarity > best.similarity)) {
        best = { category: category.key, length: own.size, similarity };
      }
    }
  }
  return best && { category: best.category, length: best.length };
}

/** What follows the heading's title on the same line, when a PDF glued a paragraph to it. */
function gluedBody(heading: string, titleLength: number): string {
  const tokens = cleanText(heading).split(/\s+/);
  let seen = 0;
  let cut = 0;
  while (cut < tokens.length && seen < titleLength) {
    if (/\p{L}/u.test(tokens[cut]!)) seen += 1;
    cut += 1;
  }
  const rest = tokens.slice(cut).join(' ');
  // A title's own last words ("…và người Việt Nam ở nước ngoài") are no body; a sentence is.
  return /^\p{Lu}/u.test(rest) && rest.split(' ').length > 3 ? rest : '';
}

/** How an unplaced heading is named back: its start, enough to tell it and to map it. */
const unmappedHeading = (heading: string): string => cleanText(heading).slice(0, 160);

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** The actions of one bullet: each clause of a merged bullet with its lead, else its sentences. */
function actionsOf(bullet: string): { actions: string[]; lead: string | null } {
  const merged = /^([^:;]{6,120}?):\s+(.+)$/u.exec(bullet);
  if (merged?.[2]?.includes('; ')) {
    const lead = merged[1]!.trim();
    const clauses = merged[2].split(/;\s+/u).map((c) => c.replace(/[.;]\s*$/u, '').trim());
    return { actions: clauses.filter((c) => /\p{L}/u.test(c)).map((c) => `${lead} ${lowerFirst(c)}.`), lead };
  }
  const sentences = bullet.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((s) => s.split(' ').length >= 3);
  return { actions: sentences, lead: null };
}

/** Markdown's heading marks and emphasis, which a .md report carries around its words. */
const plainLine = (line: string): string =>
  line
    .replace(/^\s*#{1,6}\s*/u, '')
    .replace(/\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)/gu, '')
    .trim();

/**
 * Reads a past report. `headings` maps a section heading the reader could not place (as
 * `unmapped` gave it) to the category the officer says it is: asked once, then learned.
 */
export function readPastReport(
  text: string,
  taxonomy: Taxonomy,
  headings: Readonly<Record<string, string>> = {},
): PastReportReading {
  const told = Object.entries(headings).map(([heading, category]) => ({ key: canonicalText(heading), category }));
  const placedBy = (heading: string): string | null =>
    told.find(({ key }) => canonicalText(cleanText(heading)).startsWith(key))?.category ?? null;
  const reading: PastReportReading = { lessons: [], leads: [], unmapped: [], unplaced: 0 };
  let part: Part | null = null;
  let category: string | null = null;
  let sectioned = false;
  const learn = (body: string): void => {
    if (part !== 'results' || !body) return;
    if (!category) {
      if (!sectioned) reading.unplaced += 1;
      return;
    }
    const { actions, lead } = actionsOf(body);
    if (lead && !reading.leads.includes(lead)) reading.leads.push(lead);
    for (const action of actions) reading.lessons.push({ text: action, category });
  };
  for (const raw of text.split(/\r?\n/u)) {
    const line = plainLine(raw);
    if (!line || /^\d{1,3}$/u.test(line)) continue;
    const roman = ROMAN_HEADING.exec(line);
    if (roman) {
      part = partOf(roman[1]!);
      category = null;
      sectioned = false;
      continue;
    }
    const numbered = part === 'results' ? NUMBERED_HEADING.exec(line) : null;
    if (numbered) {
      sectioned = true;
      const named = categoryOfHeading(numbered[2]!, taxonomy);
      category = placedBy(numbered[2]!) ?? named?.category ?? null;
      if (!category) reading.unmapped.push(unmappedHeading(numbered[2]!));
      else if (named) learn(gluedBody(numbered[2]!, named.length));
      continue;
    }
    learn(line.replace(BULLET, '').trim());
  }
  return reading;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * What a past report teaches a classifier: its lessons, each one step of the unit's model, and
 * its leads that the classifier's patterns did not already detect, as literal patterns ahead of
 * the general ones (a unit's own wording is the better guess). Changes the classifier in place.
 */
export function learnPastReport(classifier: Classifier, reading: PastReportReading): void {
  for (const lesson of reading.lessons) learnFrom(classifier, lesson);
  const learned: LeadPattern[] = [];
  for (const lead of reading.leads) {
    const pattern = escapeRegex(canonicalText(lead));
    const known = [...learned, ...classifier.leads].some((p) => p.pattern === pattern);
    if (known || detectLead(`${lead}: x y`, classifier.leads)?.lead === lead) continue;
    learned.push({
      id: `learned-${classifier.leads.length + learned.length}`,
      pattern,
      separator: ': ',
      extend: false,
    });
  }
  classifier.leads = [...learned, ...classifier.leads];
}
