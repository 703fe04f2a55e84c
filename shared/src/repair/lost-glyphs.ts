/**
 * Lost glyphs: a PDF whose body font maps a few glyphs to nothing leaves one space for each
 * ("các  oại", "Ph ng", "N -CP"). The repair reads every space as either a space or one of the lost
 * glyphs and keeps the reading whose words are attested syllables (or known tokens) and whose
 * syllable bigrams are the likeliest — a Viterbi search over each line.
 */
import { acronymReading } from './acronyms';
import {
  type Casing,
  caseLogProb,
  caseOf,
  defaultModel,
  logProb,
  modelKey,
  oovLogProb,
  type SyllableModel,
} from './model';
import { nameReadings } from './names';

/** The nine glyphs one real report lost (domain notes): a broken font repeats its losses. */
export const KNOWN_LOST_GLYPH_SETS: readonly (readonly string[])[] = [['l', 'Đ', 'G', 'ă', 'ã', 'ắ', 'ò', 'ỏ', 'ổ']];

/** A span of the repaired text that the repair wrote; offsets are UTF-16 indices into the result. */
export interface TextChange {
  start: number;
  end: number;
  /** What stood there before: spaces for lost glyphs, the legacy-encoded word for a conversion. */
  before: string;
  after: string;
}

export interface LostGlyphRepair {
  text: string;
  changes: TextChange[];
  /** The glyphs treated as lost (configured or inferred); empty when the text showed no such damage. */
  lost: string[];
}

const LETTER = /[\p{L}\p{M}]/u;
const MAX_SYLLABLE = 8;
// Tokens of the lexicon are names and abbreviations too ("Bolykhămxay"): damaged, they span spaces.
const MAX_TOKEN = 16;
// log-probability costs, tuned on the sample reports: a second space in a row is rare in text that
// was typed — rarer than a common syllable is likely, or "Nông  âm" would read as "âm", not "lâm".
const EXTRA_SPACE = Math.log(0.001);
const RESTORED_GLYPH = Math.log(0.6);
const BEAM = 10;
// A space beside a fragment may be a real space, the fragment's glyph lost on its other side ("vụ
// t ", "tế" with ế lost): a reading of this space as a word rarer than this is weak evidence.
const SPACE_STAYS = -9;
// After a bullet, a full stop or an opening bracket or quote a word usually has a capital.
const SENTENCE_OPENER = /[-.!?(“"'+•–]/u;
// Typed text has no space just inside brackets: "( IZ)" is "(GIZ)" that lost its G.
const INSIDE_BRACKET_SPACE = Math.log(0.05);
const OPENING_BRACKET = /[([“]/u;
const CLOSING_BRACKET = /[)\]”]/u;
const START_CASE: Record<Casing, number> = { lower: Math.log(0.2), title: Math.log(0.75), upper: Math.log(0.05) };

function sentenceStartCase(model: SyllableModel, key: string, word: string): number {
  return model.syllables.has(key) ? START_CASE[caseOf(word)] : 0;
}

type Candidates = Map<string, Array<{ word: string; key: string }>>;
const indexes = new WeakMap<SyllableModel, Map<string, Candidates>>();

/** Every lexicon word (in lower, title and upper case) that shows spaces once `lost` is taken out, by that damaged form. */
function candidateIndex(model: SyllableModel, lost: readonly string[]): Candidates {
  const id = [...lost].sort().join('');
  let byModel = indexes.get(model);
  if (!byModel) {
    byModel = new Map();
    indexes.set(model, byModel);
  }
  const cached = byModel.get(id);
  if (cached) return cached;
  const lostSet = new Set(lost);
  const index: Candidates = new Map();
  const add = (word: string, key: string) => {
    let damaged = '';
    let hit = false;
    for (const ch of word) {
      if (lostSet.has(ch)) {
        damaged += ' ';
        hit = true;
      } else damaged += ch;
    }
    // A word made only of lost glyphs leaves nothing to find it by.
    if (!hit || damaged.trim() === '') return;
    const list = index.get(damaged);
    if (!list) index.set(damaged, [{ word, key }]);
    else if (!list.some((c) => c.word === word)) list.push({ word, key });
  };
  for (const syllable of model.syllables) {
    add(syllable, syllable);
    add(syllable[0]!.toUpperCase() + syllable.slice(1), syllable);
    add(syllable.toUpperCase(), syllable);
  }
  for (const token of model.tokens) add(token, token);
  byModel.set(id, index);
  return index;
}

interface State {
  score: number;
  /**
   * 'word': a word just ended and needs a space or a mark; 'space': after a space; 'start': after a
   * mark inside a sentence; 'sentence': line start or after a mark that opens one ("- ", ". ", "(").
   */
  mode: 'word' | 'space' | 'start' | 'sentence';
  prev: string | null;
  from: State | null;
  /** The text this step wrote and how many characters of the input it read. */
  out: string;
  read: number;
}

function advance(states: Map<string, State>, next: State): void {
  const id = `${next.mode}\u0000${next.prev}`;
  const old = states.get(id);
  if (!old || old.score < next.score) states.set(id, next);
}

/** The likeliest reading of one line (no line breaks) given its lost glyphs. */
function repairLine(line: string, model: SyllableModel, index: Candidates, lost: readonly string[]): string {
  const n = line.length;
  const oov = oovLogProb(model);
  const at: Array<Map<string, State>> = Array.from({ length: n + 1 }, () => new Map());
  at[0]!.set('sentence', { score: 0, mode: 'sentence', prev: null, from: null, out: '', read: 0 });
  for (let i = 0; i < n; i++) {
    const here = [...at[i]!.values()].sort((a, b) => b.score - a.score).slice(0, BEAM);
    if (here.length === 0) continue;
    const ch = line[i]!;
    const isSpace = ch === ' ';
    if (!isSpace && !LETTER.test(ch)) {
      const mode = SENTENCE_OPENER.test(ch) ? 'sentence' : 'start';
      const closing = CLOSING_BRACKET.test(ch);
      for (const s of here)
        advance(at[i + 1]!, {
          score: s.score + (closing && s.out === ' ' ? INSIDE_BRACKET_SPACE : 0),
          mode,
          prev: null,
          from: s,
          out: ch,
          read: 1,
        });
      continue;
    }
    if (isSpace) {
      for (const s of here) {
        // A second space in a row, also after a mark (", " then a lost glyph's space): "lựa", not " ựa".
        const cost =
          s.mode === 'space' || (s.mode !== 'word' && s.out === ' ')
            ? EXTRA_SPACE
            : OPENING_BRACKET.test(s.out)
              ? INSIDE_BRACKET_SPACE
              : 0;
        advance(at[i + 1]!, {
          score: s.score + cost,
          mode: s.mode === 'start' || s.mode === 'sentence' ? s.mode : 'space',
          prev: s.prev,
          from: s,
          out: ' ',
          read: 1,
        });
      }
    }
    // A word may start here only after a space, a mark or the line start.
    const openers = here.filter((s) => s.mode !== 'word');
    if (openers.length === 0) continue;
    // A word longer than a syllable (a name, an English word, "Savannakhet") is read whole, as it
    // stands or as a known token with its lost glyphs: without it no reading would get past it.
    let run = 0;
    while (i + run < n && LETTER.test(line[i + run]!)) run++;
    // A name outside the lexicon, its pieces joined ("Bo ikh mxay"): a word outside the lexicon.
    for (const name of nameReadings(line, i, model, lost, (f) => index.has(f)))
      for (const s of openers)
        advance(at[i + name.length]!, {
          score: s.score + oov + name.restored * RESTORED_GLYPH,
          mode: 'word',
          prev: null,
          from: s,
          out: name.word,
          read: name.length,
        });
    // Only where no known word explains the same letters ("GDP" of " DP" is a token already).
    const acronym = acronymReading(line, i, model, lost);
    if (acronym && !index.has(line.slice(i, i + acronym.length)))
      for (const s of openers)
        advance(at[i + acronym.length]!, {
          score: s.score + oov + RESTORED_GLYPH,
          mode: 'word',
          prev: null,
          from: s,
          out: acronym.word,
          read: acronym.length,
        });
    for (let len = 1; len <= Math.max(MAX_TOKEN, run) && i + len <= n; len++) {
      const last = line[i + len - 1]!;
      if (last !== ' ' && !LETTER.test(last)) break;
      const after = line[i + len];
      if (after !== undefined && LETTER.test(after)) continue;
      const fragment = line.slice(i, i + len);
      if (len > MAX_SYLLABLE && len !== run && !index.has(fragment)) continue;
      const options: Array<{ word: string; key: string | null; restored: number }> = [];
      if (!fragment.includes(' ')) options.push({ word: fragment, key: modelKey(model, fragment), restored: 0 });
      else if (fragment.trim() === '') continue;
      for (const c of index.get(fragment) ?? []) {
        let restored = 0;
        for (let k = 0; k < len; k++) if (fragment[k] === ' ') restored++;
        options.push({ word: c.word, key: c.key, restored });
      }
      for (const s of openers) {
        for (const o of options) {
          const lp =
            o.key === null
              ? oov
              : logProb(model, s.prev, o.key) +
                (s.mode === 'sentence' ? sentenceStartCase(model, o.key, o.word) : caseLogProb(model, o.key, o.word));
          advance(at[i + len]!, {
            score: s.score + lp + o.restored * RESTORED_GLYPH,
            mode: 'word',
            prev: o.key,
            from: s,
            out: o.word,
            read: len,
          });
        }
      }
    }
  }
  let best: State | undefined;
  for (const s of at[n]!.values()) if (!best || s.score > best.score) best = s;
  if (!best) return line;
  const parts: string[] = [];
  for (let s: State | null = best; s?.from; s = s.from) parts.push(s.out);
  return parts.reverse().join('');
}

/** The ranges where `after` differs from `before` (same length: a lost glyph left one space). */
function diff(before: string, after: string): TextChange[] {
  const changes: TextChange[] = [];
  for (let i = 0; i < after.length; i++) {
    if (before[i] === after[i]) continue;
    let j = i;
    while (j < after.length && before[j] !== after[j]) j++;
    changes.push({ start: i, end: j, before: before.slice(i, j), after: after.slice(i, j) });
    i = j;
  }
  return changes;
}

// Read from every syllable of the lexicon, it took about half of a clean clip's check: kept per model.
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

/**
 * Whether a word stands as written: a syllable in lower, title or upper case, or a known token. A
 * capital inside a word ("kÁt") is no reading, nor a lone consonant that the learned text had as a
 * list letter ("điểm c"): what a damaged syllable leaves ("k t" of "kết").
 */
function standsAsWord(model: SyllableModel, word: string): boolean {
  const key = modelKey(model, word);
  if (key === null) return false;
  if (key !== word.toLowerCase()) return word.length > 1;
  const rest = word.slice(1);
  return rest === rest.toLowerCase() || word === word.toUpperCase();
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

/** log P of a word standing alone where it is, with the casing of a sentence start or not, or null when it is no word. */
function wordLogProb(model: SyllableModel, word: string, opens: boolean): number | null {
  if (!standsAsWord(model, word)) return null;
  const key = modelKey(model, word)!;
  return logProb(model, null, key) + (opens ? sentenceStartCase(model, key, word) : caseLogProb(model, key, word));
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

/**
 * Lost glyphs put back. `lost` is the set to restore; without it the set is inferred from the text.
 * The text keeps its length (each lost glyph left one space), so every change is a range of it.
 */
export function repairLostGlyphs(
  text: string,
  options: { lost?: readonly string[]; model?: SyllableModel } = {},
): LostGlyphRepair {
  const model = options.model ?? defaultModel();
  const nfc = text.normalize('NFC');
  const lost = options.lost ? [...options.lost] : inferLostGlyphs(nfc, model);
  if (lost.length === 0) return { text: nfc, changes: [], lost };
  const index = candidateIndex(model, lost);
  const repaired = nfc
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 === 1 || !part.includes(' ') ? part : repairLine(part, model, index, lost)))
    .join('');
  return { text: repaired, changes: diff(nfc, repaired), lost };
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
