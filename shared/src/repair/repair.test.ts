import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import background from '../../data/vi-background.json';
import { joinPdfLines } from '../text';
import { inferLostGlyphs } from './lost-glyph-inference';
import { KNOWN_LOST_GLYPH_SETS } from './lost-glyph-tables';
import { repairLostGlyphs } from './lost-glyphs';
import { type Background, learnModel, shippedLexicon } from './model';
import { isSyllable, otherTonePlacement } from './syllable';

const REAL_LOST = [...KNOWN_LOST_GLYPH_SETS[0]!];
// Real damaged lines of a report whose PDF lost glyphs, with what the officer typed.
const REAL_LINES: Array<[string, string]> = [
  ['Thực hiện 1.107 trang biên dịch các  oại', 'Thực hiện 1.107 trang biên dịch các loại'],
  [
    'Tham mưu UBND tỉnh cho phép  àm việc với  oàn Ph ng  iáo dục',
    'Tham mưu UBND tỉnh cho phép làm việc với Đoàn Phòng Giáo dục',
  ],
  [
    'báo cáo kết quả công tác tập huấn,bồi dưỡng về xây dựng nông thôn mới giai đoạn 2021 - 2025',
    'báo cáo kết quả công tác tập huấn,bồi dưỡng về xây dựng nông thôn mới giai đoạn 2021 - 2025',
  ],
  ['rà soát v n bản quy phạm pháp  uật', 'rà soát văn bản quy phạm pháp luật'],
  ['Nghị định số 64/2015/N -CP', 'Nghị định số 64/2015/NĐ-CP'],
  ['t  chức', 'tổ chức'],
  ['  nh đạo', 'lãnh đạo'],
];

const sample = (name: string) => joinPdfLines(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'));
const CLEAN_SENTENCES = [sample('bao-cao-tuan-2023-08-24.txt'), sample('bao-cao-thang-2021-03.md')]
  .flatMap((t) => t.split(/\n|(?<=[.;])\s+/))
  .filter((s) => s.split(' ').length >= 3);
const ENGLISH = [
  'The quick brown fox jumps over the lazy dog.',
  'Please find attached the minutes of the meeting held on 12 March 2021.',
  'An officer of the provincial agency clips text from web pages and PDFs.',
  'I am not sure the delegation will arrive in time for the signing ceremony.',
  'Our partners in Laos asked for a short summary of the cooperation projects.',
];

describe('syllable rules', () => {
  it.each([
    ['loại', true],
    ['Phòng', true],
    ['quyết', true],
    ['gì', true],
    ['khoẻ', true],
    ['tết', true],
    ['têt', false], // a stop final takes only sắc or nặng
    ['tềt', false],
    ['kinh', true],
    ['cinh', false], // k before e, ê, i, y
    ['ka', false],
    ['nghe', true],
    ['ngi', false],
    ['ghe', true],
    ['ga', true],
    ['ge', false],
    ['Ph', false],
    ['ng', false],
    ['iáo', false],
  ])('%s is a syllable: %s', (word, expected) => {
    expect(isSyllable(word)).toBe(expected);
  });

  it.each([
    ['hoá', 'hóa'],
    ['thủy', 'thuỷ'],
    ['khoẻ', 'khỏe'],
    ['quý', null],
    ['loại', null],
  ])('the other tone placement of %s is %s', (word, other) => {
    expect(otherTonePlacement(word)).toBe(other);
  });
});

describe('repairLostGlyphs', () => {
  it.each(REAL_LINES)('restores the real line %j with the set given', (damaged, typed) => {
    expect(repairLostGlyphs(damaged, { lost: REAL_LOST }).text).toBe(typed);
  });

  it('infers the lost set from the damaged lines of one report and restores them all', () => {
    const repair = repairLostGlyphs(REAL_LINES.map(([d]) => d).join('\n'));
    expect(repair.lost.sort()).toEqual([...REAL_LOST].sort());
    expect(repair.text).toBe(REAL_LINES.map(([, t]) => t).join('\n'));
  });

  it('reports every restored letter as a range of the repaired text', () => {
    const damaged = 'cho phép  àm việc với  oàn Ph ng';
    const repair = repairLostGlyphs(damaged, { lost: REAL_LOST });
    expect(repair.text).toBe('cho phép làm việc với Đoàn Phòng');
    expect(repair.changes).toEqual([
      { start: 9, end: 10, before: ' ', after: 'l' },
      { start: 22, end: 23, before: ' ', after: 'Đ' },
      { start: 29, end: 30, before: ' ', after: 'ò' },
    ]);
    for (const c of repair.changes) expect(repair.text.slice(c.start, c.end)).toBe(c.after);
  });

  it('knows from the background text the common words that no project text said', () => {
    // The word list alone, no sample report: "phổ biến" and "khuôn khổ" come from the background counts.
    const model = learnModel([], shippedLexicon());
    const damaged = 'phối hợp ph  biến giáo dục pháp  uật trong khuôn kh  dự án';
    expect(repairLostGlyphs(damaged, { lost: REAL_LOST, model }).text).toBe(
      'phối hợp phổ biến giáo dục pháp luật trong khuôn khổ dự án',
    );
  });

  it.each([
    [
      'Tiếp Đại sứ Nhật Bản và Tổng Lãnh sự Hàn Quốc tại tỉnh',
      'Tiếp lại sứ Nhật Bản và Tăng Lãnh sự Hàn Quốc tại tỉnh',
    ],
    ['Hội Chữ thập đỏ tỉnh trao quà', 'Hội Chữ thập đã tỉnh trao quà'],
    ['góp ý dự thảo Đề án phát triển kho khí hóa lỏng', 'góp ý dự thảo lề án phát triển kho khí hóa lòng'],
  ])('knows from the dictionary the words no counted text said: %j', (clean, withoutDictionary) => {
    const damaged = [...clean].map((ch) => (REAL_LOST.includes(ch) ? ' ' : ch)).join('');
    const model = learnModel([], shippedLexicon());
    expect(repairLostGlyphs(damaged, { lost: REAL_LOST, model }).text).toBe(clean);
    // Without the dictionary's pairs the common syllable wins: the pairs are what fixes these.
    const noWords = learnModel([], shippedLexicon(), background as Background, {});
    expect(repairLostGlyphs(damaged, { lost: REAL_LOST, model: noWords }).text).toBe(withoutDictionary);
  });

  it('keeps abbreviations and references in their form', () => {
    const text = 'Thông tư số 02/2021/TT-BNG và Quyết định số 15/QĐ-UBND theo Nghị định số 30/2020/NĐ-CP';
    expect(repairLostGlyphs(text).text).toBe(text);
    expect(repairLostGlyphs(text.replace(/Đ/g, ' '), { lost: REAL_LOST }).text).toBe(text);
  });

  it('restores capitals lost alone at word start, leaving the lower-case letter', () => {
    expect(repairLostGlyphs('Sở  iáo dục và đào tạo giao', { lost: ['G'] }).text).toBe('Sở Giáo dục và đào tạo giao');
  });

  it('keeps the lost set consistent across the text: a glyph seen anywhere was not lost', () => {
    const damaged = REAL_LINES.map(([d]) => d).join('\n');
    // With "ò" visible in one word the font did not lose it: the known set no longer explains the
    // damage, and no inferred set may hold "ò".
    expect(inferLostGlyphs(`${damaged}\nhòa bình`)).not.toContain('ò');
    // Given a set, a candidate needing a glyph outside it is impossible: "Ph ng" with only "ổ" lost.
    expect(repairLostGlyphs('Ph ng', { lost: ['ổ'] }).text).toBe('Phổng');
    expect(repairLostGlyphs('Ph ng', { lost: ['ò'] }).text).toBe('Phòng');
  });

  it('infers the losses of another font by the likeliest words they leave ("k t" is "kết", not "kÁt" or "k ắt")', () => {
    const clean = [
      'Thực hiện kế hoạch phát triển kinh tế xã hội của tỉnh trong năm',
      'Kết quả công tác đối ngoại và hợp tác quốc tế đã được báo cáo',
      'Tiếp tục theo dõi tình hình người nước ngoài đến thăm và làm việc',
      'Hướng dẫn thủ tục xin cấp thị thực cho chuyên gia theo quy định',
      'Triển khai chương trình hỗ trợ học sinh tiếp cận kiến thức mới',
    ].join('\n');
    const damaged = clean.replace(/[hế]/g, ' ');
    expect(inferLostGlyphs(damaged)).toEqual(['h', 'ế']);
    expect(repairLostGlyphs(damaged).text).toBe(clean);
  });

  it('counts a place repeated word for word once (a property test found "on" twice → "Gon")', () => {
    const english = 'Please find attached the minutes of the meeting held on 12 March 2021.';
    const text = [
      'KẾT QUẢ THỰC HIỆN',
      '- Sở Kế hoạch và Đầu tư (b/c);',
      english,
      '01 trang hiệu đính nội dung.',
      english,
    ];
    expect(inferLostGlyphs(text.join('\n'))).toEqual([]);
  });

  it('never flags nor changes clean Vietnamese or English text (property)', () => {
    const clean = fc.array(fc.constantFrom(...CLEAN_SENTENCES, ...ENGLISH), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(clean, fc.constantFrom(' ', '\n'), (parts, glue) => {
        const text = parts.join(glue);
        expect(inferLostGlyphs(text)).toEqual([]);
        expect(repairLostGlyphs(text)).toEqual({ text, changes: [], lost: [] });
      }),
      { numRuns: 200 },
    );
  });
});
