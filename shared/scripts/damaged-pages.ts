/**
 * Damaged pages for the lost-glyph repair's evaluation (`pnpm eval:repair`) and its tests: lines
 * damaged as a broken PDF font damages them (each lost glyph one space), pages where intact
 * headings stand among them, the ways a text reaches the repair (a line at a time, a page at once,
 * the lost set given), and how many damaged words came back right.
 */
import { repairLostGlyphs } from '../src/repair/lost-glyphs';
import type { SyllableModel } from '../src/repair/model';

/** A line of a page as the officer typed it and as the PDF gave it; an intact line is both the same. */
export interface PageLine {
  typed: string;
  shown: string;
}

export const damage = (text: string, lost: readonly string[]): string =>
  [...text].map((ch) => (lost.includes(ch) ? ' ' : ch)).join('');

export function damagedLines(typed: readonly string[], lost: readonly string[]): PageLine[] {
  return typed.map((t) => ({ typed: t, shown: damage(t, lost) }));
}

/** `lines` with an intact heading before the first and then after every `every` lines, the headings taken in turn. */
export function withHeadings(lines: readonly PageLine[], headings: readonly string[], every: number): PageLine[] {
  const page: PageLine[] = [];
  lines.forEach((line, i) => {
    if (i % every === 0) {
      const heading = headings[(i / every) % headings.length]!;
      page.push({ typed: heading, shown: heading });
    }
    page.push(line);
  });
  return page;
}

export type Way = 'lineByLine' | 'page' | 'setGiven';

/**
 * The page repaired one of the ways: each line pasted alone (its set inferred from it), the page
 * pasted at once (the sets inferred from it), or each line with the lost set given.
 */
export function repairPage(
  lines: readonly PageLine[],
  way: Way,
  model: SyllableModel,
  lost: readonly string[],
): { text: string[]; inferred: string[] } {
  if (way === 'page') {
    const repair = repairLostGlyphs(lines.map((l) => l.shown).join('\n'), { model });
    return { text: repair.text.split('\n'), inferred: repair.lost };
  }
  const inferred = new Set<string>();
  const text = lines.map((l) => {
    const repair = repairLostGlyphs(l.shown, way === 'setGiven' ? { lost, model } : { model });
    for (const g of repair.lost) inferred.add(g);
    return repair.text;
  });
  return { text, inferred: [...inferred] };
}

export interface PageScore {
  damagedWords: number;
  wordsRestored: number;
  /** Words the PDF kept (in damaged lines and intact ones) that the repair changed: must be none. */
  undamagedChanged: number;
  linesDamaged: number;
  linesRestored: number;
  failures: string[];
}

/**
 * Words compared where they stand (one space for one glyph: a word's place does not move); a word
 * is damaged when the PDF showed it otherwise than it was typed.
 */
export function scorePage(lines: readonly PageLine[], repaired: readonly string[]): PageScore {
  const score: PageScore = {
    damagedWords: 0,
    wordsRestored: 0,
    undamagedChanged: 0,
    linesDamaged: 0,
    linesRestored: 0,
    failures: [],
  };
  lines.forEach(({ typed, shown }, i) => {
    const out = repaired[i] ?? '';
    if (shown !== typed) {
      score.linesDamaged++;
      if (out === typed) score.linesRestored++;
    }
    for (const m of typed.matchAll(/\S+/g)) {
      const span = (s: string) => s.slice(m.index, m.index + m[0].length);
      const same = span(out) === m[0];
      if (span(shown) !== m[0]) {
        score.damagedWords++;
        if (same) score.wordsRestored++;
        else score.failures.push(`${m[0]} → ${span(out)} in “${context(out, m.index)}”`);
      } else if (!same) {
        score.undamagedChanged++;
        score.failures.push(`UNDAMAGED ${m[0]} → ${span(out)} in “${context(out, m.index)}”`);
      }
    }
  });
  return score;
}

/** The repaired words around a failure, to tell a wrong choice by context from a gap in the lexicon. */
function context(text: string, at: number): string {
  const start = text.lastIndexOf(' ', Math.max(0, at - 25));
  return text.slice(start + 1, at + 35).trim();
}

/**
 * The texts less every sentence that says two words in a row of `lines` where one of them is
 * damaged ("các loại", "Đoàn Phòng"): a model learned from them never saw the scored lines'
 * damaged words in their context, only the lexicon, the general text and the dictionary did.
 */
export function withoutContextsOf(texts: readonly string[], lines: readonly PageLine[]): string[] {
  const pairs = new Set<string>();
  for (const { typed, shown } of lines) {
    const words = [...typed.matchAll(/\S+/g)];
    const damaged = words.map((m) => shown.slice(m.index, m.index + m[0].length) !== m[0]);
    words.forEach((m, k) => {
      if (damaged[k]) pairs.add(m[0].toLowerCase());
      if (k > 0 && (damaged[k] || damaged[k - 1])) pairs.add(`${words[k - 1]![0]} ${m[0]}`.toLowerCase());
    });
  }
  // A lone damaged word that is also a common one ("tổ", "làm") would empty the texts: only a
  // damaged word written with a mark of a reference ("64/2015/NĐ-CP") is held out alone.
  const held = [...pairs].filter((p) => p.includes(' ') || /[/-]/.test(p));
  return texts
    .flatMap((t) => t.split(/\n|(?<=[.;:])\s+/))
    .filter((sentence) => {
      const s = sentence.toLowerCase().replace(/\s+/g, ' ');
      return !held.some((p) => s.includes(p));
    });
}
