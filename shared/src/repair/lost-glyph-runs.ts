/**
 * Lost glyphs of a page set in more than one font. A broken body font loses its glyphs while the
 * bold headings (or a table, a quote) keep them, so a glyph seen in one line says nothing of the
 * lines of another font: the set is inferred for the lines whose damage agrees — the lines of one
 * font, which resume after each heading — and an intact heading does not veto the body's losses.
 */
import { inferLostGlyphs } from './lost-glyph-inference';
import { letterCounts, resolution, suspiciousSpots } from './lost-glyph-spots';
import { defaultModel, type SyllableModel } from './model';

export const LINE_BREAK = /\r\n|\r|\n/;

// A page rarely mixes more than a body font, a heading font and one more (a table, a quote).
const MAX_FONTS = 3;

/** Whether the line writes a glyph of `lost` (outside words in capitals, as the inference counts): it was set in a font that kept it. */
function writes(line: string, lost: readonly string[]): boolean {
  const counts = letterCounts(line);
  return lost.some((g) => counts.has(g));
}

/**
 * The glyphs each line of `text` (split at its line breaks) lost; empty for a line read as it stands.
 * The lines that show damage infer a set (`lostOfDamagedLines`); the set is then inferred again over every line that
 * writes none of its glyphs, so the clean lines of the same font still rule out letters they use;
 * the lines that write one of its glyphs are another font, and are read the same way on their own.
 * Each set asks of its lines the evidence a line pasted alone must show, so a page is repaired as
 * well as its lines one by one.
 */
export function lostGlyphsByLine(text: string, model: SyllableModel = defaultModel()): string[][] {
  const lines = text.normalize('NFC').split(LINE_BREAK);
  const byLine = lines.map((): string[] => []);
  const damaged = lines.map((line) => suspiciousSpots(line, model).length > 0);
  const textOf = (indices: number[]) => indices.map((i) => lines[i]!).join('\n');
  let rest = lines.map((_, i) => i);
  for (let font = 0; font < MAX_FONTS; font++) {
    const shown = lostOfDamagedLines(
      rest.filter((i) => damaged[i]),
      lines,
      model,
    );
    if (shown.length === 0) break;
    const lost = inferLostGlyphs(textOf(rest.filter((i) => !writes(lines[i]!, shown))), model);
    if (lost.length === 0) break;
    const others: number[] = [];
    for (const i of rest) {
      if (writes(lines[i]!, lost)) others.push(i);
      else byLine[i] = lost;
    }
    rest = others;
  }
  return byLine;
}

/**
 * The set the damaged lines show together; when their fonts lost different glyphs, so that none
 * explains them all, the set of the first line that shows one alone, inferred again over the
 * damaged lines that write none of its glyphs.
 */
function lostOfDamagedLines(pool: number[], lines: readonly string[], model: SyllableModel): string[] {
  const textOf = (indices: number[]) => indices.map((i) => lines[i]!).join('\n');
  const together = inferLostGlyphs(textOf(pool), model);
  if (together.length > 0 || pool.length < 2) return together;
  for (const i of pool) {
    const alone = inferLostGlyphs(lines[i]!, model);
    if (alone.length > 0) return inferLostGlyphs(textOf(pool.filter((j) => !writes(lines[j]!, alone))), model);
  }
  return [];
}

/** How many places of the text its lost glyphs explain, and the glyphs: no place for clean text. */
export function lostGlyphEvidence(
  text: string,
  model: SyllableModel = defaultModel(),
): { lost: string[]; places: number } {
  const lines = text.normalize('NFC').split(LINE_BREAK);
  const byLine = lostGlyphsByLine(text, model);
  let places = 0;
  lines.forEach((line, i) => {
    const lost = byLine[i]!;
    if (lost.length > 0)
      places += suspiciousSpots(line, model).filter((s) => lost.some((g) => resolution(s, g, model) !== null)).length;
  });
  return { lost: unionOf(byLine), places };
}

/** Every glyph of the lines' sets, in the order the lines first name them. */
export function unionOf(byLine: readonly (readonly string[])[]): string[] {
  return [...new Set(byLine.flat())];
}
