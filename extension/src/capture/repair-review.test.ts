import { encodeLegacy } from '@gom/shared/repair';
import { describe, expect, it } from 'vitest';
import { type CaptureForm, emptyDraft, initialForm } from './quick-capture';
import { acceptRepair, markChanges, type RepairSegment, restoreOriginal, reviewRepair } from './repair-review';

const joined = (segments: RepairSegment[]) => segments.map((s) => s.text).join('');
const marked = (segments: RepairSegment[]) => segments.filter((s) => s.changed).map((s) => s.text);

describe('reviewRepair', () => {
  // Real lines of the report whose PDF lost l, Đ, G, ă, ã, ắ, ò, ỏ, ổ (domain notes).
  it('offers the lost glyphs put back, each one marked', () => {
    const review = reviewRepair('Tham mưu UBND tỉnh cho phép  àm việc với  oàn Ph ng  iáo dục');
    expect(review).toMatchObject({
      original: 'Tham mưu UBND tỉnh cho phép àm việc với oàn Ph ng iáo dục',
      repaired: 'Tham mưu UBND tỉnh cho phép làm việc với Đoàn Phòng Giáo dục',
      encodings: [],
    });
    expect(review?.lost).toEqual(expect.arrayContaining(['l', 'Đ', 'G', 'ò']));
    expect(review?.segments).toEqual([
      { text: 'Tham mưu UBND tỉnh cho phép ', changed: false },
      { text: 'l', changed: true },
      { text: 'àm việc với ', changed: false },
      { text: 'Đ', changed: true },
      { text: 'oàn Ph', changed: false },
      { text: 'ò', changed: true },
      { text: 'ng ', changed: false },
      { text: 'G', changed: true },
      { text: 'iáo dục', changed: false },
    ]);
  });

  it('marks the repair on the cleaned text when the PDF also broke the line', () => {
    const review = reviewRepair('rà soát v n bản quy\nphạm pháp  uật');
    expect(review?.repaired).toBe('rà soát văn bản quy phạm pháp luật');
    expect(marked(review!.segments)).toEqual(['ă', 'l']);
    expect(joined(review!.segments)).toBe(review?.repaired);
  });

  it('keeps the abbreviation of a reference whole', () => {
    const review = reviewRepair('Nghị định số 64/2015/N -CP');
    expect(review?.repaired).toBe('Nghị định số 64/2015/NĐ-CP');
    expect(marked(review!.segments)).toEqual(['Đ']);
  });

  it('offers a TCVN3 or VNI text converted, each converted word marked', () => {
    expect(reviewRepair('Bé Ngo¹i giao')).toMatchObject({
      original: 'Bé Ngo¹i giao',
      repaired: 'Bộ Ngoại giao',
      segments: [
        { text: 'Bộ', changed: true },
        { text: ' ', changed: false },
        { text: 'Ngoại', changed: true },
        { text: ' giao', changed: false },
      ],
      encodings: ['tcvn3'],
    });
    const vni = reviewRepair(encodeLegacy('Sở Ngoại vụ tổ chức hội nghị', 'vni'));
    expect(vni).toMatchObject({ repaired: 'Sở Ngoại vụ tổ chức hội nghị', encodings: ['vni'] });
  });

  it('offers nothing for clean Vietnamese or English text, PDF line breaks and all', () => {
    for (const clean of [
      'báo cáo kết quả công tác tập huấn,bồi dưỡng về xây dựng nông thôn mới giai đoạn 2021 - 2025',
      'Tham mưu UBND tỉnh ban hành Kế hoạch đón Đoàn công tác\nĐại sứ quán Lào tại Việt Nam'.normalize('NFD'),
      'The delegation visited the Consulate General of Laos in Da Nang.',
      '',
    ]) {
      expect(reviewRepair(clean)).toBeNull();
    }
  });
});

describe('markChanges', () => {
  // A lost glyph put back at the first place `glyph` stands in `raw`.
  const restored = (raw: string, glyph: string) => {
    const start = raw.indexOf(glyph);
    return { start, end: start + 1, before: ' ', after: glyph };
  };

  it('follows the cleaning: merged spaces, a hyphenated word joined, a page number dropped, a space added', () => {
    const raw = 'tập huấn,bồi  dưỡng hợp-\ntác\n12\nvăn  bản';
    const changes = ['ồ', 'á', 'ă'].map((glyph) => restored(raw, glyph));
    const segments = markChanges(raw, changes, 'tập huấn, bồi dưỡng hợptác văn bản');
    expect(segments).toEqual([
      { text: 'tập huấn, b', changed: false },
      { text: 'ồ', changed: true },
      { text: 'i dưỡng hợpt', changed: false },
      { text: 'á', changed: true },
      { text: 'c v', changed: false },
      { text: 'ă', changed: true },
      { text: 'n bản', changed: false },
    ]);
  });

  it('marks a converted word as one run', () => {
    const changes = [
      { start: 0, end: 2, before: 'Së', after: 'Sở' },
      { start: 3, end: 8, before: 'Ngo¹i', after: 'Ngoại' },
    ];
    expect(markChanges('Sở Ngoại vô', changes, 'Sở Ngoại vô')).toEqual([
      { text: 'Sở', changed: true },
      { text: ' ', changed: false },
      { text: 'Ngoại', changed: true },
      { text: ' vô', changed: false },
    ]);
  });
});

describe('accepting and undoing the repair', () => {
  const damaged = 'Tham mưu UBND tỉnh cho phép  àm việc với  oàn Ph ng  iáo dục';
  const review = reviewRepair(damaged)!;
  const opened = (): CaptureForm => initialForm({ ...emptyDraft, selection: damaged }, '2026-11-22');

  it('puts the repaired text into the field, and the original back', () => {
    const form = opened();
    expect(form.text).toBe(review.original);
    const accepted = acceptRepair(form, review);
    expect(accepted).toEqual({ ...form, text: review.repaired, lead: 'Tham mưu UBND tỉnh' });
    expect(restoreOriginal(accepted, review)).toEqual(form);
  });

  it('lets the lead follow the text only while it is the one Gom read from the text', () => {
    const legacy = encodeLegacy('Tham mưu UBND tỉnh ban hành Kế hoạch đón Đoàn công tác', 'tcvn3');
    const converted = reviewRepair(legacy)!;
    const form = initialForm({ ...emptyDraft, selection: legacy }, '2026-11-22');
    expect(form.lead).toBe('');
    expect(acceptRepair(form, converted).lead).toBe('Tham mưu UBND tỉnh');
    expect(acceptRepair({ ...form, lead: 'Ban hành' }, converted).lead).toBe('Ban hành');
  });
});
