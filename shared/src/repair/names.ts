/**
 * Foreign names written the Vietnamese way, as syllables run together ("Bolikhămxay" is
 * bo·li·khăm·xay, "Bolykhamxay" bo·ly·kham·xay), are in no lexicon: damaged, they fall apart into
 * pieces that are no word ("Bo ikh mxay"). Such a run of pieces is read back as one word when filling its spaces
 * with lost glyphs spells syllables better than the pieces did apart.
 */
import { logProb, modelKey, type SyllableModel } from './model';
import { isSyllable } from './syllable';

const MAX_FILLS = 3;
const MAX_SYLLABLE = 7;
// A well-formed syllable that no text or word list has: possible in a name, but an attested one
// explains the same letters better ("li" over "ãi" in "Bo ikhămxay").
const UNATTESTED = Math.log(1e-6);

// The fills of a name try hundreds of spellings of the same few pieces: each piece is scored once
// per model (its log-probability as a syllable, or null for no syllable).
const pieceScores = new WeakMap<SyllableModel, Map<string, number | null>>();
function pieceScore(model: SyllableModel, piece: string): number | null {
  let scores = pieceScores.get(model);
  if (!scores) {
    scores = new Map();
    pieceScores.set(model, scores);
  }
  let score = scores.get(piece);
  if (score === undefined) {
    if (scores.size > 50_000) scores.clear();
    const attested = model.syllables.has(piece);
    score = attested || isSyllable(piece) ? logProb(model, null, piece) + (attested ? 0 : UNATTESTED) : null;
    scores.set(piece, score);
  }
  return score;
}

interface Spelling {
  /** Letters that no syllable of the best split accounts for. */
  loose: number;
  logp: number;
}

const better = (a: Spelling, b: Spelling) => a.loose < b.loose || (a.loose === b.loose && a.logp > b.logp);

/**
 * How well a word reads as Vietnamese syllables written together: the split with the fewest loose
 * letters, then the likeliest. A well-formed syllable counts even when unattested ("kham" in
 * "Bolykhamxay"): a transcription need not use common syllables.
 */
export function syllableSpelling(model: SyllableModel, word: string): Spelling {
  const w = word.toLowerCase();
  const best: Spelling[] = [{ loose: 0, logp: 0 }];
  for (let j = 1; j <= w.length; j++) {
    let score: Spelling = { loose: best[j - 1]!.loose + 1, logp: best[j - 1]!.logp };
    for (let k = Math.max(0, j - MAX_SYLLABLE); k < j; k++) {
      const piece = pieceScore(model, w.slice(k, j));
      if (piece === null) continue;
      const split = { loose: best[k]!.loose, logp: best[k]!.logp + piece };
      if (better(split, score)) score = split;
    }
    best.push(score);
  }
  return best[w.length]!;
}

export interface NameReading {
  /** How many characters of the line the name covers. */
  length: number;
  word: string;
  restored: number;
}

const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /\p{Lu}/u;

/**
 * The names that may start at `start`: a capitalised word, then one or more pieces that are no
 * word, each after one or two spaces, read as one word with those spaces filled by lower-case lost
 * glyphs (a capital inside a name is rare). A piece that is a word stops the run ("Alastic hỗ
 * trợ" keeps its words), and so does one that starts a word of its own — a capital ("Khăm Muồn")
 * — or a single letter, which is what a damaged syllable leaves ("Tết c  truyền" is "Tết cổ
 * truyền"), or one that a known word explains with a space beside it ("Ph ng  iáo" is "Phòng Giáo").
 */
export function nameReadings(
  line: string,
  start: number,
  model: SyllableModel,
  lost: readonly string[],
  damagedWord: (fragment: string) => boolean,
): NameReading[] {
  if (!UPPER.test(line[start] ?? '')) return [];
  const fills = lost.filter((g) => g === g.toLowerCase() && g !== g.toUpperCase());
  if (fills.length === 0) return [];
  const wordEnd = (from: number) => {
    let end = from;
    while (end < line.length && LETTER.test(line[end]!)) end++;
    return end;
  };
  const pieces: string[] = [line.slice(start, wordEnd(start))];
  const gaps: number[] = [];
  let end = start + pieces[0]!.length;
  const readings: NameReading[] = [];
  for (;;) {
    let spaces = 0;
    while (line[end + spaces] === ' ') spaces++;
    if (spaces === 0 || spaces > 2 || gaps.reduce((a, b) => a + b, spaces) > MAX_FILLS) break;
    const next = line.slice(end + spaces, wordEnd(end + spaces));
    if (next.length < 2 || UPPER.test(next[0]!) || modelKey(model, next) !== null) break;
    const previous = pieces.at(-1)!;
    if (
      damagedWord(`${previous}${' '.repeat(spaces)}${next}`) ||
      damagedWord(` ${next}`) ||
      damagedWord(`${previous} `)
    )
      break;
    pieces.push(next);
    gaps.push(spaces);
    end += spaces + next.length;
    const best = bestFill(model, pieces, gaps, fills);
    // A name spells out whole: every letter in a syllable, or no more letters loose than in its
    // pieces — a foreign name spells no better joined ("Alastic", "A astic") but is one word.
    const apart = pieces.reduce((sum, p) => sum + syllableSpelling(model, p).loose, 0);
    if (best && (best.score.loose === 0 || best.score.loose <= apart))
      readings.push({ length: end - start, word: best.word, restored: best.restored });
  }
  return readings;
}

function bestFill(
  model: SyllableModel,
  pieces: string[],
  gaps: number[],
  fills: string[],
): { word: string; score: Spelling; restored: number } | undefined {
  const restored = gaps.reduce((a, b) => a + b, 0);
  let best: { word: string; score: Spelling; restored: number } | undefined;
  const combos = fills.length ** restored;
  for (let c = 0; c < combos; c++) {
    let word = pieces[0]!;
    let code = c;
    gaps.forEach((gap, g) => {
      for (let k = 0; k < gap; k++) {
        word += fills[code % fills.length]!;
        code = Math.floor(code / fills.length);
      }
      word += pieces[g + 1]!;
    });
    const score = syllableSpelling(model, word);
    if (!best || better(score, best.score)) best = { word, score, restored };
  }
  return best;
}
