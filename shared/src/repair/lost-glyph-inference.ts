/**
 * Which glyphs a text lost, read from the text alone: the spaces touching a word that is no word,
 * and the letters that, put back there, make words of them.
 */
import { KNOWN_LOST_GLYPH_SETS, LETTER, SENTENCE_OPENER, SPACE_STAYS } from './lost-glyph-tables';
import { standsAsWord, wordLogProb } from './lost-glyph-words';
import { defaultModel, modelKey, type SyllableModel } from './model';

// Read from every syllable of the lexicon, it weighed on every clean clip's check: kept per model.
const alphabets = new WeakMap<SyllableModel, string[]>();

/** Every letter the repair can restore: the letters of the model's lexicon in both cases. */
function alphabet(model: SyllableModel): string[] {
  let kept = alphabets.get(model);
  if (!kept) {
    const letters = new Set<string>();
    for (const s of model.syllables) for (const ch of s) letters.add(ch);
    for (const ch of [...letters]) letters.add(ch.toUpperCase());
    kept = [...letters];
    alphabets.set(model, kept);
  }
  return kept;
}

interface Spot {
  left: string;
  right: string;
  /** Whether the word on the left (or, with none, the right) opens a sentence: a capital is expected there. */
  opens: boolean;
  /** Whether a space stands on the far side of the left / right word: its glyph may be lost there instead. */
  farLeft: boolean;
  farRight: boolean;
}

/** Spaces touching a word that is neither a syllable nor a known token: where a glyph may have been lost. */
function suspiciousSpots(text: string, model: SyllableModel): Spot[] {
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
function resolution(spot: Spot, glyph: string, model: SyllableModel): number | null {
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
function letterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    const word = m[0];
    if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) continue;
    for (const ch of word) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}

/**
 * The glyphs this text lost, from the text alone: the letters it never uses that, put back into
 * its spaces, turn fragments ("Ph ng", " oại") into attested words — a known set of a broken font
 * when that explains the damage, else letters chosen greedily, each explaining at least three places.
 */
export function inferLostGlyphs(text: string, model: SyllableModel = defaultModel()): string[] {
  const nfc = text.normalize('NFC');
  const spots = suspiciousSpots(nfc, model);
  if (spots.length === 0) return [];
  // Only Vietnamese text: in English most words are plain-letter words of three letters or more
  // that are no syllable, where a damaged Vietnamese line has short or accented fragments.
  const words = nfc.match(/[\p{L}\p{M}]+/gu) ?? [];
  const foreign = words.filter((w) => /^[a-z]{3,}$/i.test(w) && modelKey(model, w) === null).length;
  if (foreign > 0.3 * words.length) return [];
  const counts = letterCounts(nfc);
  for (const set of KNOWN_LOST_GLYPH_SETS) {
    if (set.some((g) => counts.has(g))) continue;
    if (spots.some((s) => set.some((g) => resolution(s, g, model) !== null))) return [...set];
  }
  const absent = alphabet(model).filter((g) => !counts.has(g));
  // Each place's glyphs by how likely the words they leave: "quốc t " is "quốc tế" far more often
  // than "quốc Át" or "quốc ắt", so it is evidence for ế, hardly for Á or ắ.
  const places = new Map<string, { spot: Spot; times: number; readings: Map<string, number> }>();
  for (const spot of spots) {
    const id = `${spot.left} ${spot.right}`;
    const place = places.get(id);
    if (place) {
      place.times++;
      continue;
    }
    const readings = new Map<string, number>();
    for (const g of absent) {
      const lp = resolution(spot, g, model);
      if (lp !== null) readings.set(g, lp);
    }
    if (readings.size > 0) places.set(id, { spot, times: 1, readings });
  }
  const lost: string[] = [];
  for (;;) {
    const scores = new Map<string, { score: number; hits: number }>();
    for (const place of places.values()) {
      // What the glyphs chosen so far read here (or the space staying one) is what a new glyph must
      // beat: "đ ng" read as "đừng" once ư is chosen is still evidence for ộ ("động").
      let explained = SPACE_STAYS;
      for (const g of lost) explained = Math.max(explained, place.readings.get(g) ?? SPACE_STAYS);
      const top = Math.max(explained, ...place.readings.values());
      let sum = Math.exp(explained - top);
      for (const [g, lp] of place.readings) if (!lost.includes(g)) sum += Math.exp(lp - top);
      for (const [g, lp] of place.readings) {
        if (lost.includes(g)) continue;
        const s = scores.get(g) ?? { score: 0, hits: 0 };
        s.score += (place.times * Math.exp(lp - top)) / sum;
        // Places counted once however often they repeat: a clean English sentence pasted twice has
        // "on" (which "Gon" would explain) twice, and that is one piece of evidence, not two.
        if (lp > explained) s.hits++;
        scores.set(g, s);
      }
    }
    let best: { glyph: string; score: number; hits: number } | undefined;
    for (const [glyph, s] of scores) if (!best || s.score > best.score) best = { glyph, ...s };
    // Three different places at least, mostly explained by this glyph alone: a clean text's odd words
    // (names, English) can be one letter away from a syllable in a place or two (a property test found "Gon").
    if (!best || best.hits < 3 || best.score < 1.5) break;
    lost.push(best.glyph);
  }
  return lost;
}

/** How many places of the text the lost glyphs explain, against its words: 0 for clean text. */
export function lostGlyphEvidence(
  text: string,
  model: SyllableModel = defaultModel(),
): { lost: string[]; places: number } {
  const lost = inferLostGlyphs(text, model);
  if (lost.length === 0) return { lost, places: 0 };
  const places = suspiciousSpots(text.normalize('NFC'), model).filter((s) =>
    lost.some((g) => resolution(s, g, model) !== null),
  ).length;
  return { lost, places };
}
