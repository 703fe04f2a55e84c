/**
 * Where a text may have lost glyphs, and what a glyph put back there would read: the spaces
 * touching a word that is no word, and the words each candidate glyph leaves in such a place.
 */
import { LETTER, SENTENCE_OPENER } from './lost-glyph-tables';
import { standsAsWord, wordLogProb } from './lost-glyph-words';
import type { SyllableModel } from './model';

export interface Spot {
  /** The offset of the space in the text. */
  at: number;
  left: string;
  right: string;
  /** Whether the word on the left (or, with none, the right) opens a sentence: a capital is expected there. */
  opens: boolean;
  /** Whether a space stands on the far side of the left / right word: its glyph may be lost there instead. */
  farLeft: boolean;
  farRight: boolean;
}

/** Spaces touching a word that is neither a syllable nor a known token: where a glyph may have been lost. */
export function suspiciousSpots(text: string, model: SyllableModel): Spot[] {
  const spots: Spot[] = [];
  const known = (w: string) => standsAsWord(model, w);
  for (let p = 0; p < text.length; p++) {
    if (text[p] !== ' ') continue;
    let a = p;
    while (a > 0 && LETTER.test(text[a - 1]!)) a--;
    let b = p + 1;
    while (b < text.length && LETTER.test(text[b]!)) b++;
    const left = text.slice(a, p);
    const right = text.slice(p + 1, b);
    // The word a reading starts: the left one, or with none, the right one.
    const start = left !== '' ? a : p + 1;
    const mark = text
      .slice(Math.max(0, start - 8), start)
      .replace(/ +$/, '')
      .at(-1);
    const opens = mark === undefined ? start < 8 : mark === '\n' || SENTENCE_OPENER.test(mark);
    if ((left !== '' && !known(left)) || (right !== '' && !known(right)))
      spots.push({
        at: p,
        left,
        right,
        opens,
        farLeft: left !== '' && text[a - 1] === ' ',
        farRight: right !== '' && text[b] === ' ',
      });
  }
  return spots;
}

/**
 * How likely the words are that the glyph in the spot's space leaves — one word, or one beside a
 * word that stood already (log P of the new word) — or null when it leaves a piece that is no word.
 */
export function resolution(spot: Spot, glyph: string, model: SyllableModel): number | null {
  const { left, right, opens, farLeft, farRight } = spot;
  let best = wordLogProb(model, left + glyph + right, opens);
  const leftStands = left === '' || standsAsWord(model, left);
  const rightStands = right === '' || standsAsWord(model, right);
  const split =
    !leftStands && rightStands && !farLeft
      ? wordLogProb(model, left + glyph, opens)
      : leftStands && !rightStands && !farRight
        ? wordLogProb(model, glyph + right, opens && left === '')
        : null;
  if (split !== null && (best === null || split > best)) best = split;
  return best;
}

/** How often each letter occurs outside words written all in capitals (bold headings kept their glyphs). */
export function letterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    const word = m[0];
    if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) continue;
    for (const ch of word) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}
