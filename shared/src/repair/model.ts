/**
 * The syllable lexicon and the syllable bigram statistics that choose among repair candidates:
 * the project's text (`shared/scripts/build-lexicon.ts` → `shared/data/vi-syllables.json`) over
 * general Vietnamese text (`shared/scripts/build-background.ts` → `shared/data/vi-background.json`)
 * and the pairs inside a dictionary's words (`shared/scripts/build-words.ts` →
 * `shared/data/vi-words.json`); sources and licences in `shared/data/README.md`. The evaluation
 * learns held-out models with `learnModel`.
 */
import background from '../../data/vi-background.json';
import data from '../../data/vi-syllables.json';
import dictionary from '../../data/vi-words.json';
import { isSyllable } from './syllable';

export interface SyllableModel {
  /** Lower-case syllables, attested and well formed. */
  syllables: Set<string>;
  /** Words kept in their exact case that are not syllables: abbreviations, names ("NĐ", "UBND", "Hungary"). */
  tokens: Set<string>;
  /** Counts by key, the project's text weighted over the background text: a syllable in lower case, a token as written. */
  unigram: Map<string, number>;
  /** Counts of "a b" for two keys that followed each other with only a space between, weighted alike. */
  bigram: Map<string, number>;
  /** How often each key opened a bigram. */
  context: Map<string, number>;
  /** How many different keys followed each key. */
  followers: Map<string, number>;
  /** How often each key was seen in the project's text, where its casing was learned. */
  seen: Map<string, number>;
  /** For a syllable: how often it was written with a capital, and all in capitals. */
  cased: Map<string, [number, number]>;
  /**
   * The pairs inside a dictionary's words, each one more sighting of its pair: read for a context
   * only when a repair asks about it (`wordPairsAfter`), since adding all of them to `bigram` up
   * front slows loading a model, which each clip after the extension's service worker slept pays.
   */
  words: WordPairs;
  total: number;
}

/**
 * Syllable counts of general Vietnamese text (software documentation, `vi-background.json`): what
 * is common in the language, where the project's own text is too small to have seen a word.
 */
export interface Background {
  unigrams: Record<string, number>;
  /** By first syllable: the syllables that followed it and their counts, "second count second count …". */
  bigrams: Record<string, string>;
}

/** The syllable pairs inside a dictionary's words ("đại sứ", "lãnh sự"), by first syllable: "second second …". */
export type WordPairs = Record<string, string>;

// A pair inside a dictionary word counts as one sighting in the background text: the dictionary
// says the word exists, not how common it is.
const WORD_PAIR_COUNT = 1;

export interface SerializedModel {
  lexicon: string;
  unigrams: Record<string, number>;
  bigrams: Record<string, number>;
  /** [capitalised, all capitals] by syllable. */
  cased: Record<string, number[]>;
}

// Nghị định 30, Phụ lục III: document-type codes, which a reference keeps in capitals ("NĐ-CP"),
// then abbreviations common in administrative text; a repair must never turn them into syllables.
export const DOCUMENT_ABBREVIATIONS = [
  'NQ',
  'NĐ',
  'QĐ',
  'CT',
  'QC',
  'QyĐ',
  'TB',
  'HD',
  'CTr',
  'KH',
  'PA',
  'ĐA',
  'DA',
  'BC',
  'BB',
  'TTr',
  'HĐ',
  'CĐ',
  'GM',
  'TT',
  'TTLT',
  'KL',
  'CP',
  'UBND',
  'HĐND',
  'TW',
  'BNG',
  'ĐBQH',
  'ĐH',
  'ĐHQG',
  'QG',
  'GD',
  'ĐT',
  'GDP',
  'GRDP',
  'TTHC',
  'MTTQ',
  'LĐTBXH',
  'KT',
  'XH',
  'CNTT',
  'ĐVHC',
  'ĐU',
  'ĐTN',
  'BQL',
  'NGO',
  'ODA',
  'FDI',
];

const WORD = /[\p{L}\p{M}]+/gu;

/** The lexicon key of a word: syllables compare in lower case, anything else as written. */
export function modelKey(model: SyllableModel, word: string): string | null {
  const lower = word.toLowerCase();
  if (model.syllables.has(lower)) return lower;
  if (model.tokens.has(word)) return word;
  return null;
}

// The project's text is administrative prose like the clips; the background text is far larger but
// about software: a word pair seen in the project's text counts as many background ones.
const DOMAIN_WEIGHT = 20;

/** Word and word-pair counts of clean texts, and how often each syllable had a capital. */
export interface Counts {
  unigram: Map<string, number>;
  bigram: Map<string, number>;
  cased: Map<string, [number, number]>;
}

/**
 * Every word of the texts (a well-formed syllable in lower case, anything else as written), and
 * every two words with only spaces between.
 */
export function countTexts(texts: Iterable<string>): Counts {
  const counts: Counts = { unigram: new Map(), bigram: new Map(), cased: new Map() };
  for (const text of texts) {
    let prev: string | null = null;
    let prevEnd = -1;
    for (const m of text.normalize('NFC').matchAll(WORD)) {
      const key = keyOf(m[0]);
      bump(counts.unigram, key);
      const casing = caseOf(m[0]);
      if (key !== m[0] && casing !== 'lower') {
        const c = counts.cased.get(key) ?? [0, 0];
        c[casing === 'title' ? 0 : 1]++;
        counts.cased.set(key, c);
      }
      if (prev !== null && /^[ \t]+$/.test(text.slice(prevEnd, m.index))) bump(counts.bigram, `${prev} ${key}`);
      prev = key;
      prevEnd = m.index + m[0].length;
    }
  }
  return counts;
}

/**
 * A model from a lexicon (syllables in lower case, tokens in their case), clean texts whose words
 * join it, and the background counts.
 */
export function learnModel(
  texts: Iterable<string>,
  lexicon: Iterable<string>,
  general: Background = background as Background,
  words: WordPairs = dictionary,
): SyllableModel {
  return fromCounts(lexicon, countTexts(texts), general, words);
}

function keyOf(word: string): string {
  const lower = word.toLowerCase();
  return isSyllable(lower) ? lower : word;
}

function fromCounts(lexicon: Iterable<string>, counts: Counts, general: Background, words: WordPairs): SyllableModel {
  const model: SyllableModel = {
    syllables: new Set(),
    tokens: new Set(DOCUMENT_ABBREVIATIONS),
    unigram: new Map(),
    bigram: new Map(),
    context: new Map(),
    followers: new Map(),
    seen: counts.unigram,
    cased: counts.cased,
    words,
    total: 0,
  };
  for (const word of lexicon) addWord(model, word);
  for (const word of counts.unigram.keys()) addWord(model, word);
  const add = (key: string, count: number) => {
    bump(model.unigram, key, count);
    model.total += count;
  };
  // A new follower counts in the weight of the text it came from, as the pair's count does: a
  // project pair stands for DOMAIN_WEIGHT background ones, and so does the new word it shows.
  const pair = (first: string, second: string, count: number, weight: number) => {
    const key = `${first} ${second}`;
    if (!model.bigram.has(key)) bump(model.followers, first, weight);
    bump(model.bigram, key, count);
    bump(model.context, first, count);
  };
  for (const [key, count] of counts.unigram) add(key, DOMAIN_WEIGHT * count);
  for (const [key, count] of counts.bigram) {
    const space = key.indexOf(' ');
    pair(key.slice(0, space), key.slice(space + 1), DOMAIN_WEIGHT * count, DOMAIN_WEIGHT);
  }
  // Background syllables only: its tokens are option names and placeholders, not words of a clip.
  for (const [key, count] of Object.entries(general.unigrams)) {
    model.syllables.add(key);
    add(key, count);
  }
  for (const [first, followers] of Object.entries(general.bigrams)) {
    const parts = followers.split(' ');
    for (let i = 0; i < parts.length; i += 2) pair(first, parts[i]!, Number(parts[i + 1]), 1);
  }
  return model;
}

function addWord(model: SyllableModel, word: string): void {
  const lower = word.toLowerCase();
  if (isSyllable(lower)) model.syllables.add(lower);
  else model.tokens.add(word);
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

const sortedEntries = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));

export function serializeCounts(counts: Counts, lexicon: Iterable<string>): SerializedModel {
  return {
    lexicon: [...new Set(lexicon)].sort().join(' '),
    unigrams: Object.fromEntries(sortedEntries(counts.unigram)),
    bigrams: Object.fromEntries(sortedEntries(counts.bigram)),
    cased: Object.fromEntries(sortedEntries(counts.cased)),
  };
}

export function loadModel(
  serialized: SerializedModel,
  general: Background = background as Background,
  words: WordPairs = dictionary,
): SyllableModel {
  const cased = new Map<string, [number, number]>();
  for (const [key, [title = 0, upper = 0]] of Object.entries(serialized.cased)) cased.set(key, [title, upper]);
  const counts: Counts = {
    unigram: new Map(Object.entries(serialized.unigrams)),
    bigram: new Map(Object.entries(serialized.bigrams)),
    cased,
  };
  return fromCounts(serialized.lexicon.split(' '), counts, general, words);
}

let shipped: SyllableModel | undefined;
/** The model learned from the text Gom ships (built once, on first use). */
export function defaultModel(): SyllableModel {
  shipped ??= loadModel(data as SerializedModel);
  return shipped;
}

/** The word-list lexicon the shipped model starts from, without what the sample reports added. */
export function shippedLexicon(): string[] {
  return (data as SerializedModel).lexicon.split(' ');
}

const NO_WORDS = { seconds: new Set<string>(), added: 0 };
const wordPairCache = new WeakMap<SyllableModel, Map<string, { seconds: Set<string>; added: number }>>();

/** The dictionary's syllables after `first`, and how many of them the counted text never had after it. */
function wordPairsAfter(model: SyllableModel, first: string): { seconds: Set<string>; added: number } {
  const list = model.words[first];
  if (list === undefined) return NO_WORDS;
  let byFirst = wordPairCache.get(model);
  if (!byFirst) {
    byFirst = new Map();
    wordPairCache.set(model, byFirst);
  }
  let entry = byFirst.get(first);
  if (!entry) {
    const seconds = new Set(list.split(' '));
    let added = 0;
    for (const second of seconds) if (!model.bigram.has(`${first} ${second}`)) added++;
    entry = { seconds, added };
    byFirst.set(first, entry);
  }
  return entry;
}

// Background counts a context needs before its pairs weigh half (`pnpm eval:repair`: fewer restore
// fewer words of the real lost set).
const SPARSE_CONTEXT = 10;

/**
 * log P(word | prev): bigram counts interpolated with add-half unigram counts. (A structural prior
 * for unseen syllables — onset × rhyme × tone shares of the learned text — was tried: it lost more
 * words on the second set of `pnpm eval:repair` than it won on the real lost set, before the
 * background counts gave the unigrams real frequencies.)
 */
export function logProb(model: SyllableModel, prev: string | null, key: string): number {
  const size = model.syllables.size + model.tokens.size;
  const unigram = ((model.unigram.get(key) ?? 0) + 0.5) / (model.total + 0.5 * size);
  if (prev === null) return Math.log(unigram);
  const words = wordPairsAfter(model, prev);
  const context = (model.context.get(prev) ?? 0) + WORD_PAIR_COUNT * words.seconds.size;
  if (context === 0) return Math.log(unigram);
  // Witten–Bell: a context trusted by how often it was seen against how many different words
  // followed it — "phòng" is followed by many words, so an unseen pair after it is no surprise —
  // and a context seen a few times only ("đợt" in a game's text) trusted less still.
  const weight = context / (context + (model.followers.get(prev) ?? 0) + words.added + SPARSE_CONTEXT);
  const count = (model.bigram.get(`${prev} ${key}`) ?? 0) + (words.seconds.has(key) ? WORD_PAIR_COUNT : 0);
  return Math.log((weight * count) / context + (1 - weight) * unigram);
}

/**
 * log P of a word outside the lexicon: far less likely than an attested syllable never seen in the
 * text (a thirtieth of it, as tuned on the sample reports when they were all the learned text).
 */
export function oovLogProb(model: SyllableModel): number {
  return Math.log(0.5 / (model.total + 0.5 * (model.syllables.size + model.tokens.size)) / 30);
}

export type Casing = 'lower' | 'title' | 'upper';

export function caseOf(word: string): Casing {
  if (word === word.toLowerCase()) return 'lower';
  if (word.length > 1 && word === word.toUpperCase()) return 'upper';
  return 'title';
}

// How words are written in the sample reports overall: mostly lower case, a capital for names and
// sentence starts, capitals only in headings.
const CASE_PRIOR: Record<Casing, number> = { lower: 0.85, title: 0.13, upper: 0.02 };

/**
 * log P(casing | syllable): a syllable seen in text keeps the casings it was seen in ("Đại" in
 * "Đại sứ", "lần" in lower case), smoothed toward the overall prior. Tokens are stored as written.
 */
export function caseLogProb(model: SyllableModel, key: string, word: string): number {
  if (key === word && !model.syllables.has(key)) return 0;
  const casing = caseOf(word);
  const [title, upper] = model.cased.get(key) ?? [0, 0];
  const seen = model.seen.get(key) ?? 0;
  const count = casing === 'lower' ? seen - title - upper : casing === 'title' ? title : upper;
  return Math.log((count + 10 * CASE_PRIOR[casing]) / (seen + 10));
}
