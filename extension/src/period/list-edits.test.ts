import { type Item, type ItemRecord, learnedCount, localIsoDate, materializeItem, parsePeriod } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveClip } from '../capture/clip';
import { loadClassifier } from '../store/classifier-store';
import { type GomDb, openGomDb } from '../store/db';
import { listedItemOf } from '../store/listing';
import {
  editText,
  filterView,
  mineIn,
  moveToCategory,
  moveWithinSection,
  noFilter,
  placeItem,
  setDeleted,
} from './list-edits';
import { periodView } from './period-view';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const now = new Date('2026-11-20T08:00:00Z');
async function clip(text: string, at = now): Promise<string> {
  return saveClip(db, { text }, at);
}
async function item(id: string): Promise<Item> {
  return materializeItem((await db.items.get(id)) as ItemRecord, '')!;
}

describe('edits from the side panel', () => {
  it('each write one field with its own outbox mutation', async () => {
    const id = await clip('Góp ý dự thảo Kế hoạch');
    await editText(db, id, '  Góp ý dự thảo Kế hoạch  năm 2027 ');
    await moveToCategory(db, id, 'office_admin');
    await setDeleted(db, id, true);
    expect(await item(id)).toMatchObject({
      text: 'Góp ý dự thảo Kế hoạch năm 2027',
      category: 'office_admin',
      categorySource: 'user',
      deleted: true,
    });
    const outbox = await db.outbox.toArray();
    expect(outbox.slice(1).map((m) => Object.keys(m.set))).toEqual([
      ['text'],
      ['category', 'categorySource'],
      ['deleted'],
    ]);
    await setDeleted(db, id, false);
    expect((await item(id)).deleted).toBe(false);
  });

  it('teaches the classifier every move, so a similar clip is then suggested where the officer put it', async () => {
    const text = 'Rà soát danh mục thiết bị phòng họp trực tuyến';
    const first = await clip(text);
    expect((await item(first)).category).not.toBe('office_admin');
    await moveToCategory(db, first, 'office_admin');
    expect(learnedCount((await loadClassifier(db)).model)).toBe(1);
    const second = await clip(`${text} tầng 2`);
    expect(await item(second)).toMatchObject({ category: 'office_admin', categorySource: 'suggested' });
  });

  it('refuses an empty text', async () => {
    const id = await clip('Góp ý');
    await expect(editText(db, id, '  ')).rejects.toMatchObject({ reason: 'emptyClip' });
    expect((await item(id)).text).toBe('Góp ý');
  });

  it('moves an item up or down its section with one write, and not past either end', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await clip(`Việc ${i}`, new Date(now.getTime() + i)));
    const order = async () => {
      const items = await Promise.all(ids.map(item));
      return items.sort((a, b) => a.rank - b.rank).map((i) => i.text);
    };
    const section = async () => (await Promise.all(ids.map(item))).sort((a, b) => a.rank - b.rank);

    expect(await moveWithinSection(db, await section(), ids[3]!, -1)).toBe(true);
    expect(await order()).toEqual(['Việc 0', 'Việc 1', 'Việc 3', 'Việc 2']);
    expect(await moveWithinSection(db, await section(), ids[0]!, 1)).toBe(true);
    expect(await order()).toEqual(['Việc 1', 'Việc 0', 'Việc 3', 'Việc 2']);
    expect(await moveWithinSection(db, await section(), ids[2]!, 1)).toBe(false);
    expect(await moveWithinSection(db, await section(), ids[1]!, -1)).toBe(false);
    expect(await moveWithinSection(db, await section(), ids[2]!, -1)).toBe(true);
    expect(await order()).toEqual(['Việc 1', 'Việc 0', 'Việc 2', 'Việc 3']);
  });

  it('places a dragged item before or after the one it is dropped on, or at the end, with one write', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await clip(`Việc ${i}`, new Date(now.getTime() + i)));
    const section = async () => ({
      category: 'office_admin',
      items: (await Promise.all(ids.map(item))).sort((a, b) => a.rank - b.rank),
    });
    const order = async () => (await section()).items.map((i) => i.text);
    const writes = await db.outbox.count();

    expect(await placeItem(db, await section(), ids[2]!, { id: ids[0]!, after: false })).toBe(true);
    expect(await order()).toEqual(['Việc 2', 'Việc 0', 'Việc 1']);
    expect(await placeItem(db, await section(), ids[2]!, { id: ids[0]!, after: true })).toBe(true);
    expect(await order()).toEqual(['Việc 0', 'Việc 2', 'Việc 1']);
    expect(await placeItem(db, await section(), ids[0]!, null)).toBe(true);
    expect(await order()).toEqual(['Việc 2', 'Việc 1', 'Việc 0']);
    // Dropped where it already is: nothing to write.
    expect(await placeItem(db, await section(), ids[0]!, null)).toBe(false);
    const outbox = await db.outbox.toArray();
    expect(outbox.slice(writes).map((m) => Object.keys(m.set))).toEqual([['rank'], ['rank'], ['rank']]);
  });

  it("gives an item dropped into another section that section's category, and teaches the classifier", async () => {
    const moved = await clip('Dịch thuật hồ sơ xin cấp thị thực cho chuyên gia Nhật Bản', now);
    const there = await clip('Thẩm định hồ sơ hộ chiếu công vụ', new Date(now.getTime() + 1));
    const target = { category: 'translation_services_tthc', items: [await item(there)] };
    const before = learnedCount((await loadClassifier(db)).model);
    expect(await placeItem(db, target, moved, { id: there, after: false })).toBe(true);
    expect(await item(moved)).toMatchObject({ category: 'translation_services_tthc', categorySource: 'user' });
    expect((await item(moved)).rank).toBeLessThan((await item(there)).rank);
    expect(learnedCount((await loadClassifier(db)).model)).toBe(before + 1);
    // A part without sections (the plans) only reorders.
    const plans = { category: null, items: [await item(there)] };
    expect(await placeItem(db, plans, moved, null)).toBe(true);
    expect((await item(moved)).category).toBe('translation_services_tthc');
  });
});

describe('filterView', () => {
  it('keeps the items matching every word, compared as search compares, and the kind', async () => {
    await clip('Tham mưu UBND tỉnh tổ chức Hội nghị xúc tiến đầu tư');
    await clip('Góp ý dự thảo Kế hoạch cải cách hành chính');
    const plan = await clip('Hoàn thiện hồ sơ kỷ niệm chương');
    await db.items.update(plan, { 'fields.kind': 'plan' });
    const view = periodView(
      (await db.listingChunks.toArray()).flatMap((chunk) => chunk.rows),
      parsePeriod(localIsoDate(now).slice(0, 7)),
    );
    expect(filterView(view, noFilter)).toBe(view);
    const texts = (v: ReturnType<typeof filterView>) =>
      v.parts.flatMap((p) => p.sections.flatMap((s) => s.items.map((i) => i.text)));
    expect(texts(filterView(view, { ...noFilter, text: 'hội nghị  XÚC' }))).toEqual([
      'Tham mưu UBND tỉnh tổ chức Hội nghị xúc tiến đầu tư',
    ]);
    expect(filterView(view, { ...noFilter, text: 'hoá' }).count).toBe(0);
    expect(texts(filterView(view, { ...noFilter, text: 'hồ sơ', kind: 'plan' }))).toEqual([
      'Hoàn thiện hồ sơ kỷ niệm chương',
    ]);
    expect(filterView(view, { ...noFilter, kind: 'stat' })).toEqual({ parts: [], count: 0 });
  });

  it("keeps an author's items and the dates asked for; the officer's own are found by the clock of their creation", async () => {
    const clientId = 'thisPc';
    const hlc = (ms: number, node: string) => `${String(ms).padStart(13, '0')}-0000-${node}`;
    const records: ItemRecord[] = [
      {
        id: 'a',
        authorId: 'u-me',
        fields: { text: 'Của tôi, đã đồng bộ', occurredOn: '2026-11-03', rank: 1 },
        clocks: { createdAt: hlc(1, clientId) },
      },
      {
        id: 'b',
        authorId: 'u-me',
        fields: { text: 'Của tôi, từ máy khác', occurredOn: '2026-11-12', rank: 2 },
        clocks: { createdAt: hlc(2, 'otherPc') },
      },
      {
        id: 'c',
        authorId: 'u-colleague',
        fields: { text: 'Của đồng nghiệp', occurredOn: '2026-11-20', rank: 3 },
        clocks: { createdAt: hlc(3, 'hisPc') },
      },
      {
        id: 'd',
        fields: { text: 'Chưa đồng bộ', occurredOn: '2026-11-25', rank: 4 },
        clocks: { createdAt: hlc(4, clientId) },
      },
    ];
    const listed = records.flatMap((record) => listedItemOf(record) ?? []);
    const view = periodView(listed, parsePeriod('2026-11'));
    const isMine = mineIn(listed, clientId);
    const ids = (filter: Partial<typeof noFilter>) =>
      filterView(view, { ...noFilter, ...filter }, isMine).parts.flatMap((p) =>
        p.sections.flatMap((s) => s.items.map((i) => i.id)),
      );
    expect(ids({ author: 'mine' })).toEqual(['a', 'b', 'd']);
    expect(ids({ author: 'others' })).toEqual(['c']);
    expect(ids({ from: '2026-11-12' })).toEqual(['b', 'c', 'd']);
    expect(ids({ from: '2026-11-04', to: '2026-11-20' })).toEqual(['b', 'c']);
    expect(ids({ author: 'mine', to: '2026-11-12' })).toEqual(['a', 'b']);
  });
});
