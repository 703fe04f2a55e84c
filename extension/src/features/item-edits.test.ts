import { type Item, type ItemRecord, learnedCount, localIsoDate, materializeItem, parsePeriod } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadClassifier } from './classifier-store';
import { saveClip } from './clip';
import { type GomDb, openGomDb } from './db';
import { editText, filterView, moveToCategory, moveWithinSection, noFilter, setDeleted } from './item-edits';
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
});

describe('filterView', () => {
  it('keeps the items matching every word, compared as search compares, and the kind', async () => {
    await clip('Tham mưu UBND tỉnh tổ chức Hội nghị xúc tiến đầu tư');
    await clip('Góp ý dự thảo Kế hoạch cải cách hành chính');
    const plan = await clip('Hoàn thiện hồ sơ kỷ niệm chương');
    await db.items.update(plan, { 'fields.kind': 'plan' });
    const view = periodView(await db.items.toArray(), parsePeriod(localIsoDate(now).slice(0, 7)));
    expect(filterView(view, noFilter)).toBe(view);
    const texts = (v: ReturnType<typeof filterView>) =>
      v.parts.flatMap((p) => p.sections.flatMap((s) => s.items.map((i) => i.text)));
    expect(texts(filterView(view, { text: 'hội nghị  XÚC', kind: null }))).toEqual([
      'Tham mưu UBND tỉnh tổ chức Hội nghị xúc tiến đầu tư',
    ]);
    expect(filterView(view, { text: 'hoá', kind: null }).count).toBe(0);
    expect(texts(filterView(view, { text: 'hồ sơ', kind: 'plan' }))).toEqual(['Hoàn thiện hồ sơ kỷ niệm chương']);
    expect(filterView(view, { text: '', kind: 'stat' })).toEqual({ parts: [], count: 0 });
  });
});
