import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultMetricCatalog,
  directiveSummary,
  figureSentences,
  formatCount,
  metricCatalogSchema,
  sumFigures,
} from './figures';

const stat = (metric: string, value: number) => ({ kind: 'stat' as const, metric, value });

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [1, '01'],
    [3, '03'],
    [9, '09'],
    [10, '10'],
    [256, '256'],
    [1107, '1.107'],
    [1250000, '1.250.000'],
    [15.5, '15,5'],
    [2.25, '2,25'],
    [1234.5, '1.234,5'],
  ])('%d → %s', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });

  it('reads back to the same number, with a leading zero exactly for whole counts 1 to 9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = whole + cents / 100;
        const text = formatCount(value);
        expect(Number(text.replaceAll('.', '').replace(',', '.'))).toBeCloseTo(value, 2);
        expect(/^0\d$/.test(text)).toBe(cents === 0 && whole >= 1 && whole <= 9);
        const [digits = ''] = text.split(',');
        expect(digits).toMatch(/^\d{1,3}(\.\d{3})*$/);
      }),
    );
  });
});

describe('figureSentences', () => {
  it('writes the month’s translation figures as the sample report does, summed over the items', () => {
    const sums = sumFigures([
      stat('translation_pages_judicial', 40),
      stat('translation_pages_judicial', 45),
      stat('translation_pages_centre', 82),
      stat('translation_pages_content', 88),
      stat('translation_pages_revision', 1),
      stat('interpreting_hours', 15.5),
      stat('consular_certification_dossiers', 2),
      stat('conference_permit_dossiers', 4),
      { kind: 'result' as const, metric: 'translation_pages_content', value: 1000 },
    ]);
    expect(figureSentences(sums, 'translation_services_tthc')).toEqual([
      'Thực hiện 256 trang biên dịch các loại, trong đó có: 85 trang biên dịch có chứng thực tư pháp, 82 trang biên dịch chứng nhận tại Trung tâm, 88 trang biên dịch nội dung, 01 trang hiệu đính nội dung.',
      'Phiên dịch: 15,5 giờ.',
      'Tiếp nhận và xử lý 02 hồ sơ chứng nhận lãnh sự, hợp pháp hóa lãnh sự, 04 hồ sơ cho phép tổ chức hội nghị, hội thảo quốc tế không thuộc thẩm quyền của Thủ tướng Chính phủ.',
    ]);
    expect(figureSentences(sums, 'delegations_consular')).toEqual([]);
  });

  it('sums a longer period from the items of the shorter ones', () => {
    const months = [429, 300, 378].map((n) => stat('translation_pages_judicial', n));
    expect(figureSentences(sumFigures(months), 'translation_services_tthc')[0]).toBe(
      'Thực hiện 1.107 trang biên dịch các loại, trong đó có: 1.107 trang biên dịch có chứng thực tư pháp.',
    );
  });

  it('says "không có" for a zero where officers do, and leaves other zeros out', () => {
    const sums = sumFigures([stat('tthc_on_time', 18), stat('tthc_late', 0), stat('delegations_out', 0)]);
    expect(figureSentences(sums, 'translation_services_tthc')).toEqual([
      'Giải quyết 18 hồ sơ thủ tục hành chính, trong đó 18 hồ sơ giải quyết đúng hạn, không có hồ sơ trễ hạn.',
    ]);
    expect(figureSentences(sums, 'delegations_consular')).toEqual([]);
  });

  it('refuses a catalog whose lines name an unknown metric', () => {
    expect(
      metricCatalogSchema.safeParse({ ...defaultMetricCatalog, lines: [{ metrics: ['nope'], sentence: '{list}' }] })
        .success,
    ).toBe(false);
  });
});

describe('directiveSummary', () => {
  const directive = (status: 'done' | 'pending' | 'overdue') => ({ kind: 'directive' as const, status });

  it('counts the directives by status, saying so when none is overdue', () => {
    const items = [...Array(18)].map(() => directive('done')).concat([directive('pending')]);
    expect(directiveSummary(items, 'Sở Ngoại vụ')).toBe(
      'Trong kỳ, Sở Ngoại vụ được giao 19 nhiệm vụ: hoàn thành 18 nhiệm vụ, 01 nhiệm vụ chưa đến hạn đang triển khai, không có nhiệm vụ quá hạn.',
    );
    expect(directiveSummary([directive('overdue')], 'Sở Ngoại vụ')).toBe(
      'Trong kỳ, Sở Ngoại vụ được giao 01 nhiệm vụ: 01 nhiệm vụ quá hạn.',
    );
    expect(directiveSummary([], 'Sở Ngoại vụ')).toBeNull();
  });
});
