/**
 * Abbreviations outside the lexicon ("GIZ", "UNDP") lose their capitals like any word: "(GIZ)"
 * with G lost reads "( IZ)". A run of capitals that is no known word, with a lost glyph's space at
 * its start or end, is read back as one abbreviation with a lost capital in that space.
 */
import { modelKey, type SyllableModel } from './model';

export interface AcronymReading {
  /** How many characters of the line the abbreviation covers, its space included. */
  length: number;
  word: string;
}

const CAPITALS = /^\p{Lu}{2,}$/u;
const LETTER = /[\p{L}\p{M}]/u;
// Letters that Vietnamese does not write: an abbreviation that has one is of a foreign name
// ("GIZ", "WHO"), and its lost letter is a Latin one, not "Đ".
const FOREIGN = /[FJWZ]/;
const LATIN = /^[A-Z]$/;

/** How often each capital stands in the model's abbreviations: "Đ" (NĐ, QĐ, HĐND) far more than "G". */
const letterCounts = new WeakMap<SyllableModel, Map<string, number>>();
function capitalCount(model: SyllableModel, letter: string): number {
  let counts = letterCounts.get(model);
  if (!counts) {
    counts = new Map();
    for (const token of model.tokens)
      if (CAPITALS.test(token)) for (const ch of token) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    letterCounts.set(model, counts);
  }
  return counts.get(letter) ?? 0;
}

/** The abbreviation that may start at `start` (at its lost capital's space, or at its first letter). */
export function acronymReading(
  line: string,
  start: number,
  model: SyllableModel,
  lost: readonly string[],
): AcronymReading | null {
  const capitals = lost.filter((g) => g !== g.toLowerCase());
  if (capitals.length === 0) return null;
  const gapFirst = line[start] === ' ';
  const from = gapFirst ? start + 1 : start;
  let end = from;
  while (end < line.length && LETTER.test(line[end]!)) end++;
  const run = line.slice(from, end);
  if (!CAPITALS.test(run) || modelKey(model, run) !== null) return null;
  if (gapFirst ? LETTER.test(line[start - 1] ?? '') : line[end] !== ' ' || LETTER.test(line[end + 1] ?? ''))
    return null;
  const fits = capitals.filter((g) => !FOREIGN.test(run) || LATIN.test(g));
  if (fits.length === 0) return null;
  const letter = fits.reduce((best, g) => (capitalCount(model, g) > capitalCount(model, best) ? g : best));
  const word = gapFirst ? letter + run : run + letter;
  if (modelKey(model, word) !== null) return null;
  return { length: run.length + 1, word };
}
