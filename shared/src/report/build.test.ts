import { describe, expect, it } from 'vitest';
import { createClassifier, learnFrom } from '../grouping/classify';
import type { Item } from '../item';
import { parsePeriod } from '../periods/period';
import { checkReport } from '../report-check/check';
import { defaultTaxonomy } from '../taxonomy';
import { buildReport, fillPlaceholders } from './build';
import { defaultMonthTemplate, findTemplate } from './template';
import { itemsOn } from './test-items';

const item = itemsOn('2023-08-25');

// The sample weekly report ran from Thursday 24/8 to Thursday 31/8/2023.
const week = parsePeriod('2023-W34', { week: { startOffset: 3, days: 8 } });
const year = parsePeriod('2023');
const base = { unit: defaultTaxonomy.unit, issuedOn: '2023-08-31' };

describe('fillPlaceholders', () => {
  it('puts the periods in capitals in a heading in capitals', () => {
    const words = { period: 'năm 2023', nextPeriod: 'năm 2024' };
    expect(fillPlaceholders('II. KẾ HOẠCH TRỌNG TÂM {nextPeriod}', words, 'Sở Ngoại vụ')).toBe(
      'II. KẾ HOẠCH TRỌNG TÂM NĂM 2024',
    );
    expect(fillPlaceholders('I. Kết quả đạt được {period}', words, 'Sở Ngoại vụ')).toBe('I. Kết quả đạt được năm 2023');
  });
});

describe('buildReport', () => {
  it('lays out the weekly report as one list in section order, merged across categories', () => {
    const model = buildReport({
      ...base,
      period: week,
      template: findTemplate('so-ngoai-vu-week')!,
      items: [
        item('Tiếp nhận và xử lý 02 hồ sơ Chứng nhận lãnh sự.', { rank: 0 }),
        item('Tham mưu, báo cáo UBND tỉnh về cử Đoàn cán bộ đi Hungary.', {
          rank: 1,
          category: 'delegations_consular',
        }),
        item('Tham mưu, báo cáo UBND tỉnh về hợp tác với IOM.', { rank: 2, category: 'intl_cooperation' }),
        item('Báo cáo Cục Ngoại vụ tình hình hợp tác với Nhật Bản.', { kind: 'plan', rank: 3 }),
      ],
    });
    expect(model.summary).toBe('Kết quả công tác đối ngoại từ ngày 24/8 - 31/8/2023');
    expect(model.parts).toEqual([
      {
        heading: 'I. KẾT QUẢ THỰC HIỆN',
        sections: [
          {
            heading: null,
            bullets: [
              'Tham mưu, báo cáo UBND tỉnh về: hợp tác với IOM; cử Đoàn cán bộ đi Hungary.',
              'Tiếp nhận và xử lý 02 hồ sơ Chứng nhận lãnh sự.',
            ],
          },
        ],
      },
      {
        heading: 'II. KẾ HOẠCH TRỌNG TÂM TUẦN TỚI',
        sections: [{ heading: null, bullets: ['Báo cáo Cục Ngoại vụ tình hình hợp tác với Nhật Bản.'] }],
      },
    ]);
    expect(model.signer).toEqual({ authority: 'TL. GIÁM ĐỐC', title: 'CHÁNH VĂN PHÒNG', name: '' });
  });

  it('numbers the annual report’s fields under one heading, sums the figures and summarises the directives', () => {
    const model = buildReport({
      ...base,
      period: year,
      template: findTemplate('so-ngoai-vu-year')!,
      items: [
        item('Tham mưu UBND tỉnh ban hành Chương trình hành động về công tác đối ngoại.', {
          category: 'policy_documents',
        }),
        item('Tổ chức Hội nghị hợp tác với tỉnh bạn.', { category: 'intl_cooperation' }),
        item('Biên dịch', { kind: 'stat', metric: 'translation_pages_content', value: 600 }),
        item('Biên dịch', { kind: 'stat', metric: 'translation_pages_content', value: 507, occurredOn: '2023-11-02' }),
        item('Hoàn thành báo cáo tình hình kinh tế', { kind: 'directive', status: 'done' }),
        item('Đề án hợp tác', { kind: 'directive', status: 'pending' }),
      ],
    });
    expect(model.parts[0]).toEqual({
      heading: 'I. Kết quả đạt được năm 2023',
      sections: [
        {
          heading:
            '1. Công tác tham mưu ban hành văn bản chỉ đạo, các chương trình, kế hoạch liên quan đến công tác đối ngoại',
          bullets: ['Tham mưu UBND tỉnh ban hành Chương trình hành động về công tác đối ngoại.'],
        },
        { heading: '2. Kết quả trên các lĩnh vực', bullets: [], opensGroup: true },
        {
          heading:
            '2.1. Công tác hợp tác quốc tế, hội nghị hội thảo quốc tế, ký kết thoả thuận quốc tế và công tác phi chính phủ nước ngoài',
          bullets: ['Tổ chức Hội nghị hợp tác với tỉnh bạn.'],
        },
        {
          heading: '2.2. Hoạt động dịch thuật, dịch vụ đối ngoại và kết quả giải quyết thủ tục hành chính',
          bullets: ['Thực hiện 1.107 trang biên dịch các loại, trong đó có: 1.107 trang biên dịch nội dung.'],
        },
        {
          heading: '2.3. Kết quả thực hiện ý kiến chỉ đạo của UBND tỉnh và lãnh đạo UBND tỉnh',
          bullets: [
            'Trong kỳ, Sở Ngoại vụ được giao 02 nhiệm vụ: hoàn thành 01 nhiệm vụ, 01 nhiệm vụ chưa đến hạn đang triển khai, không có nhiệm vụ quá hạn.',
          ],
        },
      ],
    });
  });

  it('places an uncategorised item by what the unit’s classifier learned', () => {
    const classifier = createClassifier();
    for (const text of [
      'Làm việc với Trung tâm MSI về tài sản',
      'Góp ý phương án tài sản Trung tâm MSI',
      'Báo cáo Trung tâm MSI',
    ]) {
      learnFrom(classifier, { text, category: 'intl_cooperation' });
    }
    const model = buildReport({
      ...base,
      period: week,
      template: findTemplate('so-ngoai-vu-quarter')!,
      classifier,
      items: [item('Góp ý xử lý tài sản của Trung tâm MSI Hà Tĩnh.')],
    });
    expect(model.parts[0]?.sections[0]?.heading).toMatch(/^1\. Công tác hợp tác quốc tế/);
  });
});

const march = { period: parsePeriod('2021-03'), template: defaultMonthTemplate, ...base, issuedOn: '2021-03-05' };
const inMarch = (text: string, fields: Partial<Item> = {}) => item(text, { occurredOn: '2021-03-10', ...fields });

describe('buildReport, a monthly report', () => {
  it('names the period and the next one everywhere', () => {
    const model = buildReport({ ...march, items: [inMarch('Tổ chức Lớp học tiếng Lào', { kind: 'plan' })] });
    expect(model.summary).toBe('Hoạt động đối ngoại tháng 3/2021, kế hoạch tháng 4/2021');
    expect(model.opening).toContain(
      'Sở Ngoại vụ báo cáo kết quả công tác đối ngoại tháng 3/2021, phương hướng nhiệm vụ tháng 4/2021 như sau:',
    );
    expect(model.closing.endsWith('./.')).toBe(true);
    expect(model.parts.map((p) => p.heading)).toEqual(['II. KẾ HOẠCH TRỌNG TÂM THÁNG 4/2021']);
    expect(model.header).toMatchObject({
      numberLine: 'Số:      /BC-SNgV',
      placeAndDate: 'Hà Tĩnh, ngày 05 tháng 3 năm 2021',
    });
    expect(model.period).toEqual({
      kind: 'month',
      id: '2021-03',
      from: '2021-03-01',
      to: '2021-03-31',
      title: 'tháng 3/2021',
      dataReach: null,
    });
  });

  it('never promises plans it lacks: no next period in the summary, opening or closing, and the part named as left out', () => {
    const model = buildReport({ ...march, items: [inMarch('Tổ chức Hội nghị hợp tác với tỉnh bạn Lào.')] });
    expect(model.summary).toBe('Hoạt động đối ngoại tháng 3/2021');
    expect(model.opening).toContain('Sở Ngoại vụ báo cáo kết quả công tác đối ngoại tháng 3/2021 như sau:');
    expect(model.closing).toBe(
      'Trên đây là báo cáo hoạt động đối ngoại tháng 3/2021; Sở Ngoại vụ báo cáo Văn phòng UBND tỉnh./.',
    );
    expect(JSON.stringify([model.summary, model.opening, model.closing])).not.toContain('tháng 4/2021');
    expect(model.omittedParts).toEqual([{ heading: 'II. KẾ HOẠCH TRỌNG TÂM THÁNG 4/2021', kinds: ['plan'] }]);
    expect(checkReport(model, march.period).map((f) => f.rule)).toContain('missing-plans');
  });

  it('closes every bullet with its punctuation, whatever the officer clipped', () => {
    const model = buildReport({
      ...march,
      items: [
        inMarch('Tiếp đoàn công tác của tỉnh Khăm Muộn', { category: 'intl_cooperation', rank: 0 }),
        inMarch('Đã ký 02 thỏa thuận hợp tác;', { category: 'intl_cooperation', rank: 1 }),
        inMarch('Có phải là việc cần làm?', { category: 'intl_cooperation', rank: 2 }),
      ],
    });
    expect(model.parts[0]?.sections[0]?.bullets).toEqual([
      'Tiếp đoàn công tác của tỉnh Khăm Muộn.',
      'Đã ký 02 thỏa thuận hợp tác.',
      'Có phải là việc cần làm?',
    ]);
  });

  it('puts items under their category, numbers only the sections that have items, keeps rank order, merges by lead', () => {
    const items = [
      inMarch('Thực hiện 256 trang biên dịch các loại.', { category: 'translation_services_tthc', rank: 2 }),
      inMarch('Tham mưu UBND tỉnh đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh.', { rank: 1 }),
      inMarch('Ban hành Kế hoạch ứng phó sự cố.', { category: 'office_admin', rank: 3 }),
      inMarch('Ban hành Kế hoạch thi đua.', { category: 'office_admin', rank: 0 }),
    ];
    const model = buildReport({ ...march, items });
    expect(model.parts).toEqual([
      {
        heading: 'I. KẾT QUẢ THỰC HIỆN',
        sections: [
          {
            heading: '1. Hoạt động hợp tác quốc tế',
            bullets: ['Tham mưu UBND tỉnh đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh.'],
          },
          {
            heading: '2. Công tác văn phòng, tổ chức bộ máy và hoạt động Thanh tra',
            bullets: ['Ban hành Kế hoạch thi đua; Kế hoạch ứng phó sự cố.'],
          },
          {
            heading: '3. Công tác dịch thuật, dịch vụ và thủ tục hành chính',
            bullets: ['Thực hiện 256 trang biên dịch các loại.'],
          },
        ],
      },
    ]);
    expect(new Set(model.itemIds)).toEqual(new Set(items.map((i) => i.id)));
  });

  it('leaves out deleted items, items of other months, and sends unknown categories to the catch-all', () => {
    const kept = inMarch('Không rõ lĩnh vực', { category: 'no_such_key' });
    const model = buildReport({
      ...march,
      items: [
        inMarch('Đã xoá', { deleted: true, category: 'office_admin' }),
        inMarch('Tháng trước', { occurredOn: '2021-02-28', category: 'office_admin' }),
        kept,
      ],
    });
    expect(model.parts[0]?.sections).toEqual([{ heading: '1. Một số kết quả khác', bullets: ['Không rõ lĩnh vực.'] }]);
    expect(model.itemIds).toEqual([kept.id]);
  });

  it('cuts the month at the 14th under Nghị định 09: 15/02 to 14/3', () => {
    const model = buildReport({
      ...march,
      period: parsePeriod('2021-03', { cutoff: 'nd09' }),
      items: [
        inMarch('Ngày 15/02', { occurredOn: '2021-02-15' }),
        inMarch('Ngày 14/3', { occurredOn: '2021-03-14' }),
        inMarch('Ngày 15/3, kỳ sau', { occurredOn: '2021-03-15' }),
        inMarch('Tổ chức Lớp học tiếng Lào.', { kind: 'plan' }),
      ],
    });
    expect(model.summary).toBe('Hoạt động đối ngoại tháng 3/2021, kế hoạch tháng 4/2021');
    expect(model.parts[0]?.sections.flatMap((s) => s.bullets)).toEqual(['Ngày 15/02.', 'Ngày 14/3.']);
  });
});

// Every kind of report, with the wording officers use: the summary, the plans heading
// naming the next period, across year boundaries (December, Q4, H2, week 52/53) and leap years.
describe.each([
  [
    'so-ngoai-vu-week',
    '2020-W53',
    'Kết quả công tác đối ngoại từ ngày 28/12/2020 - 03/01/2021',
    'II. KẾ HOẠCH TRỌNG TÂM TUẦN TỚI',
    '2021-01-02',
  ],
  [
    'so-ngoai-vu',
    '2024-02',
    'Hoạt động đối ngoại tháng 2/2024, kế hoạch tháng 3/2024',
    'II. KẾ HOẠCH TRỌNG TÂM THÁNG 3/2024',
    '2024-02-29',
  ],
  [
    'so-ngoai-vu',
    '2021-12',
    'Hoạt động đối ngoại tháng 12/2021, kế hoạch tháng 1/2022',
    'II. KẾ HOẠCH TRỌNG TÂM THÁNG 1/2022',
    '2021-12-31',
  ],
  [
    'so-ngoai-vu-quarter',
    '2025-Q4',
    'Kết quả công tác đối ngoại quý IV/2025, nhiệm vụ trọng tâm quý I/2026',
    'II. NHIỆM VỤ TRỌNG TÂM QUÝ I/2026',
    '2025-11-30',
  ],
  [
    'so-ngoai-vu-half-year',
    '2022-H2',
    'Kết quả công tác đối ngoại 6 tháng cuối năm 2022, phương hướng nhiệm vụ 6 tháng đầu năm 2023',
    'III. Phương hướng nhiệm vụ trọng tâm 6 tháng đầu năm 2023',
    '2022-07-01',
  ],
  [
    'so-ngoai-vu-9-months',
    '2023-9M',
    'Kết quả công tác đối ngoại 9 tháng đầu năm 2023, phương hướng nhiệm vụ 3 tháng cuối năm 2023',
    'III. Phương hướng nhiệm vụ trọng tâm 3 tháng cuối năm 2023',
    '2023-09-30',
  ],
  [
    'so-ngoai-vu-year',
    '2024',
    'Kết quả công tác đối ngoại năm 2024, nhiệm vụ trọng tâm năm 2025',
    'II. Một số nhiệm vụ trọng tâm năm 2025',
    '2024-02-29',
  ],
  [
    'so-ngoai-vu',
    '2024-03-01..2024-03-15',
    'Hoạt động đối ngoại từ ngày 01/3 - 15/3/2024, kế hoạch thời gian tới',
    'II. KẾ HOẠCH TRỌNG TÂM THỜI GIAN TỚI',
    '2024-03-15',
  ],
])('template %s over %s', (templateId, periodId, summary, plansHeading, day) => {
  it('names the period, and the next one in the plans part', () => {
    const model = buildReport({
      ...base,
      period: parsePeriod(periodId),
      template: findTemplate(templateId)!,
      items: [
        item('Một việc đã làm.', { occurredOn: day }),
        item('Một việc sẽ làm.', { occurredOn: day, kind: 'plan' }),
      ],
    });
    expect(model.summary).toBe(summary);
    expect(model.parts.at(-1)?.heading).toBe(plansHeading);
    expect(model.parts[0]?.sections.flatMap((s) => s.bullets)).toEqual(['Một việc đã làm.']);
    expect(model.closing.endsWith('./.')).toBe(true);
  });
});

describe('buildReport, a report due before its period ends', () => {
  it('keeps the period in its title and says how far the data reaches in the text', () => {
    const model = buildReport({
      ...base,
      period: year,
      asOf: '2023-10-20',
      template: findTemplate('so-ngoai-vu-year')!,
      items: [
        item('Tổ chức Hội nghị hợp tác với tỉnh bạn.', { occurredOn: '2023-10-02', category: 'intl_cooperation' }),
        item('Tổ chức Hội nghị tổng kết năm 2023.', { occurredOn: '2023-10-02', kind: 'plan' }),
      ],
    });
    expect(model.summary).toBe('Kết quả công tác đối ngoại năm 2023, nhiệm vụ trọng tâm năm 2024');
    expect(model.opening).toContain(
      'báo cáo kết quả công tác đối ngoại 10 tháng đầu năm 2023, nhiệm vụ trọng tâm năm 2024',
    );
    expect(model.parts[0]?.heading).toBe('I. Kết quả đạt được 10 tháng đầu năm 2023');
    expect(model.period.dataReach).toBe('10 tháng đầu năm 2023');
  });

  it('says nothing of the kind once the period is over', () => {
    const model = buildReport({ ...march, asOf: '2021-04-02', items: [] });
    expect(model.period.dataReach).toBeNull();
    expect(model.opening).toContain('tháng 3/2021');
  });
});
