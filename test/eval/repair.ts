/**
 * `pnpm eval:repair`: how well the lost-glyph repair restores damaged sentences of the sample
 * reports. Each report is held out in turn: the bigram model learns the word-list lexicon, the
 * other report and its documents, and the project's texts less anything the held-out report says
 * (`shared/scripts/corpus.ts`), over the background counts of general text (no sample report in
 * them, `shared/data/README.md`), then every sentence of the held-out report is damaged the way the broken PDF
 * did (each glyph of a lost set replaced by one space) and repaired — with the set inferred from
 * the damaged report itself, and with the set given. A word's place does not move (one space for
 * one glyph), so words are compared where they stand.
 */
import {
  convertLegacy,
  encodeLegacy,
  type LegacyEncoding,
  learnModel,
  repairLostGlyphs,
  type SyllableModel,
  shippedLexicon,
} from '@gom/shared/repair';
import { readSampleReport as read, SAMPLE_REPORTS, trainingTexts } from '../../shared/scripts/corpus';

const REPORTS = Object.keys(SAMPLE_REPORTS);

/** The nine glyphs the real report lost, and a second set of common letters, to see the repair is not tuned to one. */
const LOST_SETS: Record<string, string[]> = {
  real: ['l', 'Đ', 'G', 'ă', 'ã', 'ắ', 'ò', 'ỏ', 'ổ'],
  other: ['h', 'ư', 'ế', 'ộ', 'T'],
};

function sentences(text: string): string[] {
  return text
    .replace(/[*#]+/g, ' ')
    .split(/\n|(?<=[.;!?])\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.split(' ').length >= 3 && /\p{L}/u.test(s));
}

const damage = (text: string, lost: string[]) => [...text].map((ch) => (lost.includes(ch) ? ' ' : ch)).join('');

interface Score {
  sentences: number;
  sentencesRestored: number;
  damagedWords: number;
  wordsRestored: number;
  undamagedWords: number;
  undamagedChanged: number;
  failures: string[];
}

function evaluate(
  held: string[],
  model: SyllableModel,
  lost: string[],
  given: boolean,
): Score & { inferred: string[] } {
  const damaged = held.map((s) => damage(s, lost));
  const repaired = given
    ? damaged.map((d) => repairLostGlyphs(d, { lost, model }))
    : [repairLostGlyphs(damaged.join('\n'), { model })];
  const inferred = repaired[0]!.lost;
  const lines = given ? repaired.map((r) => r.text) : repaired[0]!.text.split('\n');
  const score: Score = {
    sentences: held.length,
    sentencesRestored: 0,
    damagedWords: 0,
    wordsRestored: 0,
    undamagedWords: 0,
    undamagedChanged: 0,
    failures: [],
  };
  held.forEach((original, i) => {
    const out = lines[i]!;
    if (out === original) score.sentencesRestored++;
    for (const m of original.matchAll(/\S+/g)) {
      const word = m[0];
      const same = out.slice(m.index, m.index + word.length) === word;
      if ([...word].some((ch) => lost.includes(ch))) {
        score.damagedWords++;
        if (same) score.wordsRestored++;
        else
          score.failures.push(`${word} → ${out.slice(m.index, m.index + word.length)} in “${context(out, m.index)}”`);
      } else {
        score.undamagedWords++;
        if (!same) {
          score.undamagedChanged++;
          score.failures.push(
            `UNDAMAGED ${word} → ${out.slice(m.index, m.index + word.length)} in “${context(out, m.index)}”`,
          );
        }
      }
    }
  });
  return { ...score, inferred };
}

/** The repaired words around a failure, to tell a wrong choice by context from a gap in the lexicon. */
function context(text: string, at: number): string {
  const start = text.lastIndexOf(' ', Math.max(0, at - 25));
  return text.slice(start + 1, at + 35).trim();
}

const pct = (a: number, b: number) => Math.round((1000 * a) / Math.max(1, b)) / 10;

/**
 * Legacy encodings on the held-out sentences: each encoded alone, and after a Unicode sentence in
 * one text; words converted exactly (TCVN3 ignoring case: VN3 has no capitals with a tone), and
 * clean sentences changed by the conversion (must be none).
 */
function evaluateLegacy(held: string[], model: SyllableModel, encoding: LegacyEncoding) {
  const same = (t: string) => (encoding === 'tcvn3' ? t.toLowerCase() : t);
  let words = 0;
  let restored = 0;
  let sentencesRestored = 0;
  let cleanChanged = 0;
  held.forEach((sentence, i) => {
    const unicode = held[(i + 1) % held.length]!;
    const [first, second] = convertLegacy(`${unicode}\n${encodeLegacy(sentence, encoding)}`, model).text.split('\n');
    if (first !== unicode) cleanChanged++;
    if (same(second!) === same(sentence)) sentencesRestored++;
    const out = same(second!).split(' ');
    same(sentence)
      .split(' ')
      .forEach((w, k) => {
        words++;
        if (out[k] === w) restored++;
      });
  });
  return {
    wordsRestoredPct: pct(restored, words),
    sentencesRestoredPct: pct(sentencesRestored, held.length),
    cleanSentencesChanged: cleanChanged,
  };
}
const results: Record<string, unknown> = {};
let pass = true;
for (const heldOut of REPORTS) {
  const train = REPORTS.filter((r) => r !== heldOut);
  const model = learnModel(trainingTexts(heldOut), shippedLexicon());
  const held = sentences(read(heldOut));
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const l = evaluateLegacy(held, model, encoding);
    results[`${heldOut} / ${encoding}`] = { sentences: held.length, ...l };
    if (l.cleanSentencesChanged > 0) pass = false;
  }
  for (const [setName, lost] of Object.entries(LOST_SETS)) {
    for (const given of [false, true]) {
      const s = evaluate(held, model, lost, given);
      const key = `${heldOut} / ${setName} set ${given ? 'given' : 'inferred'}`;
      results[key] = {
        learnedFrom: ['word list', ...train, 'its documents', 'project texts not in the held-out report'],
        lost: lost.join(''),
        inferred: given ? undefined : s.inferred.join(''),
        sentences: s.sentences,
        damagedWords: s.damagedWords,
        damagedWordsRestoredPct: pct(s.wordsRestored, s.damagedWords),
        sentencesRestoredPct: pct(s.sentencesRestored, s.sentences),
        undamagedWordsChanged: s.undamagedChanged,
        failures: s.failures,
      };
      if (setName === 'real' && (s.wordsRestored / s.damagedWords < 0.97 || s.undamagedChanged > 0)) pass = false;
    }
  }
}
console.log(
  JSON.stringify({ results, target: 'real set: ≥ 97 % damaged words restored, 0 undamaged changed', pass }, null, 2),
);
process.exitCode = pass ? 0 : 1;
