/**
 * The words a lost-glyph reading can put in a place: the lexicon's words found by the form the lost
 * glyphs leave of them, and how likely a word is where it stands.
 */
import { START_CASE } from './lost-glyph-tables';
import { caseLogProb, caseOf, logProb, modelKey, type SyllableModel } from './model';

/** Lexicon words (and the model key of each) by the form they take once the lost glyphs are spaces. */
export type Candidates = Map<string, Array<{ word: string; key: string }>>;
const indexes = new WeakMap<SyllableModel, Map<string, Candidates>>();

/** Every lexicon word (in lower, title and upper case) that shows spaces once `lost` is taken out, by that damaged form. */
export function candidateIndex(model: SyllableModel, lost: readonly string[]): Candidates {
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

/** log P of a syllable's casing where a sentence starts; nothing for a token, whose casing is its own. */
export function sentenceStartCase(model: SyllableModel, key: string, word: string): number {
  return model.syllables.has(key) ? START_CASE[caseOf(word)] : 0;
}

/**
 * Whether a word stands as written: a syllable in lower, title or upper case, or a known token. A
 * capital inside a word ("kÁt") is no reading, nor a lone consonant that the learned text had as a
 * list letter ("điểm c"): what a damaged syllable leaves ("k t" of "kết").
 */
export function standsAsWord(model: SyllableModel, word: string): boolean {
  const key = modelKey(model, word);
  if (key === null) return false;
  if (key !== word.toLowerCase()) return word.length > 1;
  const rest = word.slice(1);
  return rest === rest.toLowerCase() || word === word.toUpperCase();
}

/** log P of a word standing alone where it is, with the casing of a sentence start or not, or null when it is no word. */
export function wordLogProb(model: SyllableModel, word: string, opens: boolean): number | null {
  if (!standsAsWord(model, word)) return null;
  const key = modelKey(model, word)!;
  return logProb(model, null, key) + (opens ? sentenceStartCase(model, key, word) : caseLogProb(model, key, word));
}
