import { describe, expect, it } from 'vitest';
import { createClassifier, learnFrom } from '../grouping/classify';
import { defaultItemFields, type Item } from '../item';
import { defaultTaxonomy } from '../taxonomy';
import { buildReport, fillPlaceholders, type ReportPeriod } from './build';
import { findTemplate } from './template';

function item(text: string, fields: Partial<Item> = {}): Item {
  return {
    ...defaultItemFields('2023-08-25', '2023-08-25T08:00:00.000Z'),
    id: crypto.randomUUID(),
    unitId: 'SNgV',
    authorId: 'u1',
    updatedAt: '2023-08-25T08:00:00.000Z',
    text,
    ...fields,
  };
}

const week: ReportPeriod = {
  id: '2023-W34',
  from: '2023-08-24',
  to: '2023-08-31',
  title: 'từ ngày 24/8 - 31/8/2023',
  next: { id: '2023-W35', title: 'tuần tới' },
};
const year: ReportPeriod = {
  id: '2023',
  from: '2023-01-01',
  to: '2023-12-31',
  title: 'năm 2023',
  next: { id: '2024', title: 'năm 2024' },
};
const base = { unit: defaultTaxonomy.unit, issuedOn: '2023-08-31' };

describe('fillPlaceholders', () => {
  it('puts the periods in capitals in a heading in capitals', () => {
    expect(fillPlaceholders('II. KẾ HOẠCH TRỌNG TÂM {nextPeriod}', year, 'Sở Ngoại vụ')).toBe(
      'II. KẾ HOẠCH TRỌNG TÂM NĂM 2024',
    );
    expect(fillPlaceholders('I. Kết quả đạt được {period}', year, 'Sở Ngoại vụ')).toBe('I. Kết quả đạt được năm 2023');
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
        { heading: '2. Kết quả trên các lĩnh vực', bullets: [] },
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
