import { type ItemFieldsPatch, type ItemRecord, parseMonthPeriod } from '@gom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { openGomDb } from './db';
import { monthView, recordsInMonth } from './month-view';
import { writeItem } from './write-item';

let n = 0;
function record(fields: ItemFieldsPatch): ItemRecord {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const hlc = `1700000000000-0000-test`;
  const full: ItemFieldsPatch = { occurredOn: '2026-11-10', rank: n, createdAt: '2026-11-10T01:00:00.000Z', ...fields };
  return { id, fields: full, clocks: Object.fromEntries(Object.keys(full).map((k) => [k, hlc])) };
}

const november = parseMonthPeriod('2026-11');

describe('monthView', () => {
  it("lays the month out as the report does: numbered non-empty sections, then the plans under part II's heading", () => {
    const records = [
      record({ text: 'Tiếp Đoàn công tác tỉnh Khăm Muồn, Lào', category: 'intl_cooperation' }),
      record({ text: 'Thẩm định hồ sơ hộ chiếu công vụ', category: 'translation_services_tthc' }),
      record({ text: 'Một việc khác' }),
      record({ text: 'Tổ chức Hội nghị tổng kết năm', kind: 'plan' }),
      record({ text: 'Đã xóa', deleted: true }),
      record({ text: 'Tháng trước', occurredOn: '2026-10-31' }),
      record({ deleted: false }),
    ];
    const view = monthView(records, november);
    expect(view.count).toBe(4);
    expect(
      view.parts.map((part) => ({
        heading: part.heading,
        sections: part.sections.map((s) => ({ heading: s.heading, texts: s.items.map((i) => i.text) })),
      })),
    ).toEqual([
      {
        heading: 'I. KẾT QUẢ THỰC HIỆN',
        sections: [
          { heading: '1. Hoạt động hợp tác quốc tế', texts: ['Tiếp Đoàn công tác tỉnh Khăm Muồn, Lào'] },
          {
            heading: '2. Công tác dịch thuật, dịch vụ và thủ tục hành chính',
            texts: ['Thẩm định hồ sơ hộ chiếu công vụ'],
          },
          { heading: '3. Một số kết quả khác', texts: ['Một việc khác'] },
        ],
      },
      {
        heading: 'II. KẾ HOẠCH TRỌNG TÂM THÁNG 12/2026',
        sections: [{ heading: null, texts: ['Tổ chức Hội nghị tổng kết năm'] }],
      },
    ]);
  });

  it('orders a section by rank', () => {
    const late = record({ text: 'sau', category: 'office_admin', rank: 20 });
    const early = record({ text: 'trước', category: 'office_admin', rank: 10 });
    expect(monthView([late, early], november).parts[0]?.sections[0]?.items.map((i) => i.text)).toEqual([
      'trước',
      'sau',
    ]);
  });

  it('is empty for a month without items', () => {
    expect(monthView([], november)).toEqual({ parts: [], count: 0 });
  });
});

describe('recordsInMonth', () => {
  const db = openGomDb(`test-${crypto.randomUUID()}`);
  afterEach(async () => {
    await db.delete();
  });

  it('reads only the month, through the occurredOn index', async () => {
    for (const occurredOn of ['2026-10-31', '2026-11-01', '2026-11-30', '2026-12-01']) {
      await writeItem(db, crypto.randomUUID(), { text: occurredOn, occurredOn });
    }
    expect((await recordsInMonth(db, november)).map((r) => r.fields.text).sort()).toEqual(['2026-11-01', '2026-11-30']);
  });
});
