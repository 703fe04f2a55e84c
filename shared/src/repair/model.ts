/**
 * The syllable lexicon and the syllable bigram statistics that choose among repair candidates.
 * Learned by `shared/scripts/build-lexicon.ts` into `shared/data/vi-syllables.json` (sources and
 * licences in `shared/data/README.md`); the evaluation learns held-out models with `learnModel`.
 */
import data from '../../data/vi-syllables.json';
import { isSyllable } from './syllable';

export interface SyllableModel {
  /** Lower-case syllables, attested and well formed. */
  syllables: Set<string>;
  /** Words kept in their exact case that are not syllables: abbreviations, names ("NĐ", "UBND", "Hungary"). */
  tokens: Set<string>;
  /** Counts by key: a syllable in lower case, a token as written. */
  unigram: Map<string, number>;
  /** Counts of "a b" for two keys that followed each other with only a space between. */
  bigram: Map<string, number>;
  /** How often each key opened a bigram. */
  context: Map<string, number>;
  /** How many different keys followed each key. */
  followers: Map<string, number>;
  /** For a syllable: how often it was written with a capital, and all in capitals. */
  cased: Map<string, [number, number]>;
  total: number;
}

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

/**
 * A model from a lexicon (syllables in lower case, tokens in their case) and clean texts: every
 * word of the texts joins the lexicon (a well-formed syllable in lower case, anything else as written),
 * and every two words with only spaces between count as a bigram.
 */
export function learnModel(texts: Iterable<string>, lexicon: Iterable<string>): SyllableModel {
  const model: SyllableModel = {
    syllables: new Set(),
    tokens: new Set(DOCUMENT_ABBREVIATIONS),
    unigram: new Map(),
    bigram: new Map(),
    context: new Map(),
    followers: new Map(),
    cased: new Map(),
    total: 0,
  };
  for (const word of lexicon) addWord(model, word);
  for (const text of texts) {
    let prev: string | null = null;
    let prevEnd = -1;
    for (const m of text.normalize('NFC').matchAll(WORD)) {
      const key = addWord(model, m[0]);
      bump(model.unigram, key);
      model.total++;
      const casing = caseOf(m[0]);
      if (key !== m[0] && casing !== 'lower') {
        const counts = model.cased.get(key) ?? [0, 0];
        counts[casing === 'title' ? 0 : 1]++;
        model.cased.set(key, counts);
      }
      if (prev !== null && /^[ \t]+$/.test(text.slice(prevEnd, m.index))) {
        if (!model.bigram.has(`${prev} ${key}`)) bump(model.followers, prev);
        bump(model.bigram, `${prev} ${key}`);
        bump(model.context, prev);
      }
      prev = key;
      prevEnd = m.index + m[0].length;
    }
  }
  return model;
}

function addWord(model: SyllableModel, word: string): string {
  const lower = word.toLowerCase();
  if (isSyllable(lower)) {
    model.syllables.add(lower);
    return lower;
  }
  model.tokens.add(word);
  return word;
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export function serializeModel(model: SyllableModel, lexicon: Iterable<string>): SerializedModel {
  const sorted = (map: Map<string, number>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    lexicon: [...new Set(lexicon)].sort().join(' '),
    unigrams: sorted(model.unigram),
    bigrams: sorted(model.bigram),
    cased: Object.fromEntries([...model.cased].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

export function loadModel(serialized: SerializedModel): SyllableModel {
  const model = learnModel([], serialized.lexicon.split(' '));
  for (const [key, count] of Object.entries(serialized.unigrams)) {
    addWord(model, key);
    model.unigram.set(key, count);
    model.total += count;
  }
  for (const [pair, count] of Object.entries(serialized.bigrams)) {
    model.bigram.set(pair, count);
    bump(model.context, pair.slice(0, pair.indexOf(' ')), count);
    bump(model.followers, pair.slice(0, pair.indexOf(' ')));
  }
  for (const [key, [title = 0, upper = 0]] of Object.entries(serialized.cased)) model.cased.set(key, [title, upper]);
  return model;
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

/**
 * log P(word | prev): bigram counts interpolated with add-half unigram counts. (A structural prior
 * for unseen syllables — onset × rhyme × tone shares of the learned text — was tried: +2 words on
 * the real lost set, −15 on the second set of `pnpm eval:repair`; the word list has no frequencies.)
 */
export function logProb(model: SyllableModel, prev: string | null, key: string): number {
  const size = model.syllables.size + model.tokens.size;
  const unigram = ((model.unigram.get(key) ?? 0) + 0.5) / (model.total + 0.5 * size);
  const context = prev === null ? 0 : (model.context.get(prev) ?? 0);
  if (context === 0) return Math.log(unigram);
  // Witten–Bell: a context trusted by how often it was seen against how many different words
  // followed it — "phòng" is followed by many words, so an unseen pair after it is no surprise.
  const weight = context / (context + (model.followers.get(prev!) ?? 0));
  const bigram = (model.bigram.get(`${prev} ${key}`) ?? 0) / context;
  return Math.log(weight * bigram + (1 - weight) * unigram);
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
  const seen = model.unigram.get(key) ?? 0;
  const count = casing === 'lower' ? seen - title - upper : casing === 'title' ? title : upper;
  return Math.log((count + 10 * CASE_PRIOR[casing]) / (seen + 10));
}
