import { describe, expect, it } from 'vitest';
import { defaultItemFields, type Item } from '../item';
import { parseMonthPeriod } from '../period';
import { defaultTaxonomy } from '../taxonomy';
import { headerDate } from './build';
import { buildMonthReport } from './build-month';
import { defaultMonthTemplate } from './template';

function item(text: string, fields: Partial<Item> = {}): Item {
  return {
    ...defaultItemFields('2021-03-10', '2021-03-10T08:00:00.000Z'),
    id: crypto.randomUUID(),
    unitId: 'SNgV',
    authorId: 'u1',
    updatedAt: '2021-03-10T08:00:00.000Z',
    text,
    ...fields,
  };
}

const base = {
  period: parseMonthPeriod('2021-03'),
  template: defaultMonthTemplate,
  unit: defaultTaxonomy.unit,
  issuedOn: '2021-03-05',
};

describe('headerDate', () => {
  it.each([
    ['2025-03-05', 'Hà Tĩnh, ngày 05 tháng 3 năm 2025'],
    ['2020-01-05', 'Hà Tĩnh, ngày 05 tháng 01 năm 2020'],
    ['2019-06-29', 'Hà Tĩnh, ngày 29 tháng 6 năm 2019'],
    ['2022-02-14', 'Hà Tĩnh, ngày 14 tháng 02 năm 2022'],
  ])('%s → %s', (iso, expected) => {
    expect(headerDate('Hà Tĩnh', iso)).toBe(expected);
  });
});

describe('buildMonthReport', () => {
  it('names the period and the next one everywhere', () => {
    const model = buildMonthReport({ ...base, items: [item('Tổ chức Lớp học tiếng Lào', { kind: 'plan' })] });
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
  });

  it('puts items under their category, numbers only the sections that have items, keeps rank order, merges by lead', () => {
    const model = buildMonthReport({
      ...base,
      items: [
        item('Thực hiện 256 trang biên dịch các loại.', { category: 'translation_services_tthc', rank: 2 }),
        item('Tham mưu UBND tỉnh đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh.', { rank: 1 }),
        item('Ban hành Kế hoạch ứng phó sự cố.', { category: 'office_admin', rank: 3 }),
        item('Ban hành Kế hoạch thi đua.', { category: 'office_admin', rank: 0 }),
      ],
    });
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
  });

  it('leaves out deleted items, items of other months, and sends unknown categories to the catch-all', () => {
    const model = buildMonthReport({
      ...base,
      items: [
        item('Đã xoá', { deleted: true, category: 'office_admin' }),
        item('Tháng trước', { occurredOn: '2021-02-28', category: 'office_admin' }),
        item('Không rõ lĩnh vực', { category: 'no_such_key' }),
      ],
    });
    expect(model.parts[0]?.sections).toEqual([{ heading: '1. Một số kết quả khác', bullets: ['Không rõ lĩnh vực'] }]);
  });
});
