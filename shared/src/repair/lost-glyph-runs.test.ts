import { describe, expect, it } from 'vitest';
import { readSampleReport, trainingTexts } from '../../scripts/corpus';
import {
  damagedLines,
  type PageLine,
  repairPage,
  scorePage,
  withHeadings,
  withoutContextsOf,
} from '../../scripts/damaged-pages';
import { KNOWN_LOST_GLYPH_SETS } from './lost-glyph-tables';
import { repairLostGlyphs } from './lost-glyphs';
import { defaultModel, learnModel, type SyllableModel, shippedLexicon } from './model';
import realLines from './real-lines.json';

const REAL_LOST = [...KNOWN_LOST_GLYPH_SETS[0]!];
const REAL: PageLine[] = realLines.lines.map((l) => ({ typed: l.typed, shown: l.damaged }));
const HEADING = realLines.intact[0]!;

/** Share of damaged words restored, and words the PDF kept that changed. */
function figures(page: PageLine[], way: 'page' | 'lineByLine', model: SyllableModel) {
  const s = scorePage(page, repairPage(page, way, model, REAL_LOST).text);
  return { restored: s.wordsRestored / s.damagedWords, undamagedChanged: s.undamagedChanged };
}

describe('lost glyphs inferred per font', () => {
  it('repairs a pasted page whose heading kept the glyphs the body lost', () => {
    const page = [HEADING, ...REAL.map((l) => l.shown)].join('\n');
    expect(repairLostGlyphs(page).text).toBe([HEADING, ...REAL.map((l) => l.typed)].join('\n'));
  });

  // The model learned less every sentence that says the lines' damaged words in their context: the
  // shipped one learned texts that may say them (`shared/data/README.md`).
  const models: Array<[string, () => SyllableModel]> = [
    ['the shipped model', defaultModel],
    [
      'a model that never saw their contexts',
      () => learnModel(withoutContextsOf(trainingTexts(), REAL), shippedLexicon()),
    ],
  ];
  it.each(models)('restores ≥ 97 %% of the real damaged words as one page among intact lines, with %s', (_, model) => {
    const m = model();
    for (const page of [REAL, withHeadings(REAL, [HEADING], REAL.length), withHeadings(REAL, realLines.intact, 2)]) {
      const f = figures(page, 'page', m);
      expect(f.restored).toBeGreaterThanOrEqual(0.97);
      expect(f.undamagedChanged).toBe(0);
    }
    // A line alone shows less of its font's losses ("các  oại": "oại" stands as a syllable): the
    // page does at least as well, and each line alone reads as before.
    const alone = figures(REAL, 'lineByLine', m);
    expect(alone.undamagedChanged).toBe(0);
    expect(alone.restored).toBeGreaterThanOrEqual(0.8);
    expect(figures(withHeadings(REAL, realLines.intact, 2), 'page', m).restored).toBeGreaterThanOrEqual(alone.restored);
  });

  it('restores ≥ 97 % of a held-out report pasted as one page with its headings intact', () => {
    const report = 'bao-cao-thang-2021-03.md';
    const model = learnModel(trainingTexts(report), shippedLexicon());
    const sentences = readSampleReport(report)
      .replace(/[*#]+/g, ' ')
      .split(/\n|(?<=[.;!?])\s+/)
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .filter((s) => s.split(' ').length >= 3);
    const page = withHeadings(damagedLines(sentences, REAL_LOST), realLines.intact, 5);
    const f = figures(page, 'page', model);
    expect(f.restored).toBeGreaterThanOrEqual(0.97);
    expect(f.undamagedChanged).toBe(0);
  });

  it('leaves intact lines as they are and names only the body font’s losses', () => {
    const page = withHeadings(REAL, realLines.intact, 2);
    const repair = repairLostGlyphs(page.map((l) => l.shown).join('\n'));
    expect(repair.lost.sort()).toEqual([...REAL_LOST].sort());
    const out = repair.text.split('\n');
    page.forEach((line, i) => {
      if (line.shown === line.typed) expect(out[i]).toBe(line.typed);
    });
  });

  it('repairs the body when another font on the page lost other glyphs, and changes no word that font kept', () => {
    const body = damagedLines(
      [
        'Tham mưu UBND tỉnh cho phép làm việc với Đoàn Phòng Giáo dục',
        'Ban hành Kế hoạch theo dõi thi hành pháp luật năm 2021 của Sở Ngoại vụ',
        'Tổ chức làm việc với Đoàn tiền trạm để chuẩn bị cho đợt hoạt động',
      ],
      REAL_LOST,
    );
    const table = damagedLines(
      [
        'Thực hiện kế hoạch phát triển kinh tế xã hội của tỉnh trong năm',
        'Kết quả công tác đối ngoại và hợp tác quốc tế đã được báo cáo',
        'Hướng dẫn thủ tục xin cấp thị thực cho chuyên gia theo quy định',
        'Triển khai chương trình hỗ trợ học sinh tiếp cận kiến thức mới',
      ],
      ['h', 'ế'],
    );
    const page = [...body, ...table];
    const out = repairLostGlyphs(page.map((l) => l.shown).join('\n')).text.split('\n');
    expect(out.slice(0, body.length)).toEqual(body.map((l) => l.typed));
    expect(scorePage(page, out).undamagedChanged).toBe(0);
  });
});
