/**
 * Which glyphs a text lost, read from the text alone: the spaces touching a word that is no word,
 * and the letters that, put back there, make words of them.
 */
import { letterCounts, resolution, type Spot, suspiciousSpots } from './lost-glyph-spots';
import { KNOWN_LOST_GLYPH_SETS, SPACE_STAYS } from './lost-glyph-tables';
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
