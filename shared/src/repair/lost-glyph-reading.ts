/**
 * One line read with its lost glyphs: a Viterbi search over its characters, keeping at each
 * position the best states (readings of the line so far) that end there. A space is read as a
 * space or as a lost glyph inside a word: a lexicon word, a name or an acronym.
 */
import { acronymReading } from './acronyms';
import {
  BEAM,
  CLOSING_BRACKET,
  EXTRA_SPACE,
  INSIDE_BRACKET_SPACE,
  LETTER,
  MAX_SYLLABLE,
  MAX_TOKEN,
  OPENING_BRACKET,
  RESTORED_GLYPH,
  SENTENCE_OPENER,
} from './lost-glyph-tables';
import { type Candidates, sentenceStartCase } from './lost-glyph-words';
import { caseLogProb, logProb, modelKey, oovLogProb, type SyllableModel } from './model';
import { nameReadings } from './names';

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

/** One line's search: the line, what it is read with, and the states that end at each position. */
interface Search {
  line: string;
  model: SyllableModel;
  index: Candidates;
  lost: readonly string[];
  /** log P of a word outside the lexicon. */
  oov: number;
  at: Array<Map<string, State>>;
}

/** A word the search may read from a fragment of the line, and how many lost glyphs it restores. */
interface WordOption {
  word: string;
  key: string | null;
  restored: number;
}

/** The likeliest reading of one line (no line breaks) given its lost glyphs. */
export function readLine(line: string, model: SyllableModel, index: Candidates, lost: readonly string[]): string {
  const n = line.length;
  const at: Array<Map<string, State>> = Array.from({ length: n + 1 }, () => new Map());
  at[0]!.set('sentence', { score: 0, mode: 'sentence', prev: null, from: null, out: '', read: 0 });
  const search: Search = { line, model, index, lost, oov: oovLogProb(model), at };
  for (let i = 0; i < n; i++) {
    const here = beam(at[i]!);
    if (here.length === 0) continue;
    const ch = line[i]!;
    const isSpace = ch === ' ';
    if (!isSpace && !LETTER.test(ch)) {
      readMark(search, i, here);
      continue;
    }
    if (isSpace) readSpace(search, i, here);
    // A word may start here only after a space, a mark or the line start.
    const openers = here.filter((s) => s.mode !== 'word');
    if (openers.length === 0) continue;
    readName(search, i, openers);
    readAcronym(search, i, openers);
    readWords(search, i, openers);
  }
  return bestReading(at[n]!, line);
}

/** The best states that end at a position, at most `BEAM` of them. */
function beam(states: Map<string, State>): State[] {
  return [...states.values()].sort((a, b) => b.score - a.score).slice(0, BEAM);
}

/** Keeps `next` where it ends unless a state of the same mode and previous word scores as well. */
function advance(states: Map<string, State>, next: State): void {
  const id = `${next.mode}\u0000${next.prev}`;
  const old = states.get(id);
  if (!old || old.score < next.score) states.set(id, next);
}

/** A mark (a digit, punctuation) read as itself. */
function readMark({ line, at }: Search, i: number, here: State[]): void {
  const ch = line[i]!;
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
}

/** A space read as a space. */
function readSpace({ at }: Search, i: number, here: State[]): void {
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

/** A name outside the lexicon, its pieces joined ("Bo ikh mxay"): a word outside the lexicon. */
function readName({ line, model, index, lost, oov, at }: Search, i: number, openers: State[]): void {
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
}

/** An acronym with its lost glyphs, only where no known word explains the same letters ("GDP" of " DP" is a token already). */
function readAcronym({ line, model, index, lost, oov, at }: Search, i: number, openers: State[]): void {
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
}

/** The words that may start at `i`: a syllable or token as it stands, or a lexicon word with its lost glyphs. */
function readWords(search: Search, i: number, openers: State[]): void {
  const { line, index, at } = search;
  const n = line.length;
  // A word longer than a syllable (a name, an English word, "Savannakhet") is read whole, as it
  // stands or as a known token with its lost glyphs: without it no reading would get past it.
  let run = 0;
  while (i + run < n && LETTER.test(line[i + run]!)) run++;
  for (let len = 1; len <= Math.max(MAX_TOKEN, run) && i + len <= n; len++) {
    const last = line[i + len - 1]!;
    if (last !== ' ' && !LETTER.test(last)) break;
    const after = line[i + len];
    if (after !== undefined && LETTER.test(after)) continue;
    const fragment = line.slice(i, i + len);
    if (len > MAX_SYLLABLE && len !== run && !index.has(fragment)) continue;
    const options = wordOptions(search, fragment);
    for (const s of openers) {
      for (const o of options) {
        advance(at[i + len]!, {
          score: s.score + wordScore(search, s, o) + o.restored * RESTORED_GLYPH,
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

/** What a fragment may read as: itself when it holds no space, and the lexicon words its spaces may have been. */
function wordOptions({ model, index }: Search, fragment: string): WordOption[] {
  const options: WordOption[] = [];
  if (!fragment.includes(' ')) options.push({ word: fragment, key: modelKey(model, fragment), restored: 0 });
  else if (fragment.trim() === '') return options;
  for (const c of index.get(fragment) ?? []) {
    let restored = 0;
    for (let k = 0; k < fragment.length; k++) if (fragment[k] === ' ') restored++;
    options.push({ word: c.word, key: c.key, restored });
  }
  return options;
}

/** log P of a word after the state's previous word, with its casing where it stands. */
function wordScore({ model, oov }: Search, s: State, o: WordOption): number {
  if (o.key === null) return oov;
  return (
    logProb(model, s.prev, o.key) +
    (s.mode === 'sentence' ? sentenceStartCase(model, o.key, o.word) : caseLogProb(model, o.key, o.word))
  );
}

/** The text of the best state that ends the line, read back along its steps; the line unchanged when none does. */
function bestReading(end: Map<string, State>, line: string): string {
  let best: State | undefined;
  for (const s of end.values()) if (!best || s.score > best.score) best = s;
  if (!best) return line;
  const parts: string[] = [];
  for (let s: State | null = best; s?.from; s = s.from) parts.push(s.out);
  return parts.reverse().join('');
}
