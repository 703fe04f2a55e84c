/**
 * `pnpm eval:repair`: how well the lost-glyph repair restores damaged sentences of the sample
 * reports. Each report is held out in turn: the bigram model learns the word-list lexicon, the
 * other report and its documents, and the project's texts less anything the held-out report says
 * (`shared/scripts/corpus.ts`), over the background counts of general text (no sample report in
 * them, `shared/data/README.md`); then every sentence of the held-out report is damaged the way
 * the broken PDF did (each glyph of a lost set replaced by one space) and repaired each way
 * (`shared/scripts/damaged-pages.ts`): a sentence at a time, the report pasted as one page, the
 * same page with intact headings among its lines (a font that kept its glyphs), and with the set
 * given. Then the real damaged lines (`shared/src/repair/real-lines.json`) the same ways, with
 * the shipped model and with one learned from the project's texts less every sentence that says
 * their damaged words in their context: the shipped model's texts may say them, and the known lost
 * set the inference tries first is the set of that very report.
 */
import {
  convertLegacy,
  defaultModel,
  encodeLegacy,
  type LegacyEncoding,
  learnModel,
  type SyllableModel,
  shippedLexicon,
} from '@gom/shared/repair';
import { readSampleReport as read, SAMPLE_REPORTS, trainingTexts } from '../../shared/scripts/corpus';
import {
  damagedLines,
  type PageLine,
  repairPage,
  scorePage,
  type Way,
  withHeadings,
  withoutContextsOf,
} from '../../shared/scripts/damaged-pages';
import realLines from '../../shared/src/repair/real-lines.json';

const REPORTS = Object.keys(SAMPLE_REPORTS);

/** The nine glyphs the real report lost, and a second set of common letters, to see the repair is not tuned to one. */
const LOST_SETS: Record<string, string[]> = {
  real: ['l', 'Đ', 'G', 'ă', 'ã', 'ắ', 'ò', 'ỏ', 'ổ'],
  other: ['h', 'ư', 'ế', 'ộ', 'T'],
};

/** The headings of the two sample reports as their files have them, set apart in bold: intact lines of a page. */
const HEADINGS = [
  'Hoạt động đối ngoại tháng 3/2021, kế hoạch tháng 4/2021',
  'I. KẾT QUẢ THỰC HIỆN',
  '1. Hoạt động hợp tác quốc tế',
  '2. Công tác lãnh sự, biên giới và người Việt Nam ở nước ngoài',
  '3. Công tác văn phòng, tổ chức bộ máy và hoạt động Thanh tra',
  '4. Công tác dịch thuật, dịch vụ và thủ tục hành chính',
  'Kết quả công tác đối ngoại',
  'II. KẾ HOẠCH TRỌNG TÂM TUẦN TỚI',
  'Nơi nhận:',
  'Ngô Thị Hoài Nam',
];
// A heading every few sentences: a section of a report holds a few bullets.
const HEADING_EVERY = 5;

const WAYS: Array<[string, Way, (lines: PageLine[]) => PageLine[]]> = [
  ['lineByLine', 'lineByLine', (l) => l],
  ['page', 'page', (l) => l],
  ['pageWithHeadings', 'page', (l) => withHeadings(l, HEADINGS, HEADING_EVERY)],
  ['lineByLineWithHeadings', 'lineByLine', (l) => withHeadings(l, HEADINGS, HEADING_EVERY)],
  ['setGiven', 'setGiven', (l) => l],
];

function sentences(text: string): string[] {
  return text
    .replace(/[*#]+/g, ' ')
    .split(/\n|(?<=[.;!?])\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.split(' ').length >= 3 && /\p{L}/u.test(s));
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

/**
 * Every way's figures for one page; `pass` when no way changes a word the PDF kept and each way
 * but a line at a time restores ≥ 97 % of damaged words. A line alone shows too little of its
 * font's losses to infer them ("các  oại": "oại" stands as a syllable); it is printed to compare.
 */
function evaluate(lines: PageLine[], model: SyllableModel, lost: string[], ways = WAYS) {
  const figures: Record<string, unknown> = {};
  let pass = true;
  for (const [name, way, build] of ways) {
    const page = build(lines);
    const repaired = repairPage(page, way, model, lost);
    const s = scorePage(page, repaired.text);
    const restored = s.wordsRestored / Math.max(1, s.damagedWords);
    if ((way !== 'lineByLine' && restored < 0.97) || s.undamagedChanged > 0) pass = false;
    figures[name] = {
      lines: page.length,
      inferred: way === 'setGiven' ? undefined : repaired.inferred.join(''),
      damagedWords: s.damagedWords,
      damagedWordsRestoredPct: pct(s.wordsRestored, s.damagedWords),
      damagedLinesRestoredPct: pct(s.linesRestored, s.linesDamaged),
      undamagedWordsChanged: s.undamagedChanged,
      failures: s.failures,
    };
  }
  return { figures, pass };
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
    const e = evaluate(damagedLines(held, lost), model, lost);
    results[`${heldOut} / ${setName} set`] = {
      learnedFrom: ['word list', ...train, 'its documents', 'project texts not in the held-out report'],
      lost: lost.join(''),
      ...e.figures,
    };
    if (setName === 'real' && !e.pass) pass = false;
  }
}
const real = realLines.lines.map((l) => ({ typed: l.typed, shown: l.damaged }));
const REAL_WAYS: typeof WAYS = [
  ...WAYS.filter(([name]) => name !== 'pageWithHeadings'),
  ['pageWithOneHeading', 'page', (l) => withHeadings(l, realLines.intact, l.length)],
  ['pageWithHeadings', 'page', (l) => withHeadings(l, realLines.intact, 2)],
];
for (const [name, model] of [
  ['shipped model', defaultModel()],
  ['model without their contexts', learnModel(withoutContextsOf(trainingTexts(), real), shippedLexicon())],
] as const) {
  const e = evaluate(real, model, LOST_SETS.real!, REAL_WAYS);
  results[`real damaged lines / ${name}`] = e.figures;
  if (!e.pass) pass = false;
}
console.log(
  JSON.stringify(
    {
      results,
      target:
        'real set and real lines, every way but line by line: ≥ 97 % damaged words restored; every way: 0 undamaged changed',
      pass,
    },
    null,
    2,
  ),
);
process.exitCode = pass ? 0 : 1;
