import {
  createClassifier,
  defaultUnitConfig,
  type ItemFieldsPatch,
  type ItemRecord,
  learnFrom,
  parsePeriod,
} from '@gom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { openGomDb } from '../store/db';
import { listedItemOf } from '../store/listing';
import { writeItem } from '../store/write-item';
import { listedInPeriod, periodView, recordsInPeriod } from './period-view';

let n = 0;
function record(fields: ItemFieldsPatch): ItemRecord {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const hlc = `1700000000000-0000-test`;
  const full: ItemFieldsPatch = { occurredOn: '2026-11-10', rank: n, createdAt: '2026-11-10T01:00:00.000Z', ...fields };
  return { id, fields: full, clocks: Object.fromEntries(Object.keys(full).map((k) => [k, hlc])) };
}

const november = parsePeriod('2026-11');
/** What the listing holds of the records: deleted and textless ones have no row. */
const listed = (records: ItemRecord[]) => records.flatMap((r) => listedItemOf(r) ?? []);

describe('periodView', () => {
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
    const view = periodView(listed(records), november);
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
    expect(periodView(listed([late, early]), november).parts[0]?.sections[0]?.items.map((i) => i.text)).toEqual([
      'trước',
      'sau',
    ]);
  });

  it("lays out any period with its own kind's template and names it as that report does", () => {
    const records = [
      record({
        text: 'Tiếp Đoàn công tác tỉnh Khăm Muồn, Lào',
        category: 'intl_cooperation',
        occurredOn: '2026-08-03',
      }),
      record({ text: 'Tổ chức Hội nghị tổng kết năm', kind: 'plan', occurredOn: '2026-09-30' }),
      record({ text: 'Tháng sau quý', occurredOn: '2026-10-01' }),
    ];
    const view = periodView(listed(records), parsePeriod('2026-Q3'));
    expect(view.count).toBe(2);
    expect(view.parts.map((part) => part.heading).join(' | ')).toMatch(/QUÝ IV\/2026/);
  });

  it('places an item without a category where the classifier says', () => {
    const text = 'Rà soát danh mục thiết bị phòng họp trực tuyến';
    const classifier = createClassifier();
    learnFrom(classifier, { text, category: 'office_admin' });
    const view = periodView(listed([record({ text })]), november, undefined, classifier);
    expect(view.parts[0]?.sections[0]?.heading).toMatch(/Công tác văn phòng|hành chính|văn phòng/i);
  });

  it("lays the period out by the unit's own template", () => {
    const templates = structuredClone(defaultUnitConfig.templates);
    const month = templates.find((template) => template.kind === 'month')!;
    const part = month.parts.find((candidate) => candidate.sections.length > 0)!;
    part.sections[0]!.title = 'Đối ngoại của đơn vị';
    const text = 'Tiếp Đoàn công tác tỉnh Khăm Muồn, Lào';
    const config = { ...defaultUnitConfig, templates };
    const view = periodView(listed([record({ text, category: part.sections[0]!.categories[0]! })]), november, config);
    expect(view.parts[0]?.sections[0]?.heading).toBe('1. Đối ngoại của đơn vị');
  });

  it('is empty for a month without items', () => {
    expect(periodView([], november)).toEqual({ parts: [], count: 0 });
  });
});

describe('recordsInPeriod', () => {
  const db = openGomDb(`test-${crypto.randomUUID()}`);
  afterEach(async () => {
    await db.delete();
  });

  it('reads only the month, through the occurredOn index', async () => {
    for (const occurredOn of ['2026-10-31', '2026-11-01', '2026-11-30', '2026-12-01']) {
      await writeItem(db, crypto.randomUUID(), { text: occurredOn, occurredOn });
    }
    expect((await recordsInPeriod(db, november)).map((r) => r.fields.text).sort()).toEqual([
      '2026-11-01',
      '2026-11-30',
    ]);
  });
});

describe('listedInPeriod', () => {
  const db = openGomDb(`test-${crypto.randomUUID()}`);
  afterEach(async () => {
    await db.delete();
  });

  it("reads the month's listing rows, and what the classifier needs of an item without a category", async () => {
    const source = { url: null, title: null, selection: null, document: null };
    for (const occurredOn of ['2026-10-31', '2026-11-01', '2026-11-30', '2026-12-01']) {
      await writeItem(db, crypto.randomUUID(), { text: occurredOn, occurredOn, category: 'office_admin' });
    }
    const id = crypto.randomUUID();
    await writeItem(db, id, { text: 'Chưa xếp mục', occurredOn: '2026-11-15', lead: 'Báo cáo', tags: ['a'], source });
    const rows = await listedInPeriod(db, november);
    expect(rows.map((r) => r.text).sort()).toEqual(['2026-11-01', '2026-11-30', 'Chưa xếp mục']);
    expect(rows.find((r) => r.id === id)).toMatchObject({ category: null, lead: 'Báo cáo', tags: ['a'], source });
    expect(rows.find((r) => r.text === '2026-11-01')).not.toHaveProperty('lead');
  });
});
