import { defaultItemFields, type ItemFieldsPatch, parsePeriod } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GomDb, openGomDb, readMeta } from '../store/db';
import { writeItem } from '../store/write-item';
import { carryOverSuggestions, continuePlan, dismissCarryOver, plansPartHeading } from './carry-over';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const march = parsePeriod('2021-03');
const february = parsePeriod('2021-02');

let rank = 0;
async function plan(text: string, fields: ItemFieldsPatch = {}): Promise<string> {
  const id = crypto.randomUUID();
  rank += 1;
  await writeItem(db, id, {
    ...defaultItemFields('2021-02-20', '2021-02-20T08:00:00.000Z'),
    kind: 'plan',
    text,
    rank,
    ...fields,
  });
  return id;
}

describe('carry-over of unfinished plans', () => {
  it('offers the plans made for the period shown that are not done, as "Tiếp tục …"', async () => {
    const open = await plan('Hoàn thiện Đề án hợp tác với tỉnh Khăm Muộn', {
      plannedFor: '2021-03',
      category: 'international_cooperation',
      categorySource: 'user',
    });
    await plan('Tổ chức Hội nghị tổng kết', { plannedFor: '2021-03', status: 'done' });
    await plan('Kế hoạch cho tháng 4', { plannedFor: '2021-04', occurredOn: '2021-03-10' });
    const dropped = await plan('Đã xoá', { plannedFor: '2021-03', deleted: true });
    expect(dropped).toBeTruthy();
    // Written down in February without a target: a plan for March, as the report reads it.
    const untargeted = await plan('Rà soát hồ sơ hộ chiếu công vụ');
    await writeItem(db, crypto.randomUUID(), {
      ...defaultItemFields('2021-03-02', '2021-03-02T08:00:00.000Z'),
      text: 'Một kết quả',
    });

    expect(await carryOverSuggestions(db, march, february)).toEqual([
      {
        planId: open,
        text: 'Tiếp tục hoàn thiện Đề án hợp tác với tỉnh Khăm Muộn',
        category: 'international_cooperation',
        categorySource: 'user',
      },
      { planId: untargeted, text: 'Tiếp tục rà soát hồ sơ hộ chiếu công vụ', category: null, categorySource: null },
    ]);
    expect(await carryOverSuggestions(db, parsePeriod('2021-03-01..2021-03-31'), null)).toEqual([]);
  });

  it('continues a suggestion as a plan for the next period, once, through the outbox', async () => {
    await plan('Hoàn thiện Đề án', { plannedFor: '2021-03', category: 'office_admin', categorySource: 'suggested' });
    const [suggestion] = await carryOverSuggestions(db, march, february);
    const outboxBefore = await db.outbox.count();
    const now = new Date('2021-03-25T09:00:00');
    const id = await continuePlan(db, suggestion!, march, now);

    const record = await db.items.get(id);
    expect(record?.fields).toMatchObject({
      kind: 'plan',
      text: 'Tiếp tục hoàn thiện Đề án',
      plannedFor: '2021-04',
      occurredOn: '2021-03-25',
      category: 'office_admin',
      categorySource: 'suggested',
      deleted: false,
    });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(outboxBefore + 1);
    expect(outbox.at(-1)).toMatchObject({ itemId: id, set: { plannedFor: '2021-04' } });
    expect(await carryOverSuggestions(db, march, february)).toEqual([]);
  });

  it('forgets a dismissed suggestion, and remembers it in meta', async () => {
    const kept = await plan('Giữ lại', { plannedFor: '2021-03' });
    const dismissed = await plan('Bỏ đi', { plannedFor: '2021-03' });
    await dismissCarryOver(db, dismissed);
    await dismissCarryOver(db, dismissed);
    expect(await readMeta(db, 'dismissedCarryOvers')).toEqual([dismissed]);
    expect((await carryOverSuggestions(db, march, february)).map((s) => s.planId)).toEqual([kept]);
  });

  it("names the report's plans part for the period", () => {
    expect(plansPartHeading(march)).toMatch(/THÁNG 4\/2021/);
  });
});
