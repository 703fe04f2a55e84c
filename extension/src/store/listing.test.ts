import { type ItemRecord, materializeItem } from '@gom/shared';
import Dexie, { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDeleted } from '../period/list-edits';
import { type GomDb, openGomDb } from './db';
import { type ListedItem, listedItemOf } from './listing';
import { writeItem } from './write-item';

let name: string;
let db: GomDb;
beforeEach(() => {
  name = `test-${crypto.randomUUID()}`;
  db = openGomDb(name);
});
afterEach(async () => {
  await db.delete();
});

const hlc = (n: number, node = 'pc1') => `17000000000${String(n).padStart(2, '0')}-0000-${node}`;
function record(id: string, fields: ItemRecord['fields'], node = 'pc1', authorId: string | null = null): ItemRecord {
  return { id, authorId, fields, clocks: Object.fromEntries(Object.keys(fields).map((key) => [key, hlc(1, node)])) };
}

/** Every row of the listing, whatever its day. */
async function listedRows(): Promise<ListedItem[]> {
  return (await db.listingChunks.toArray()).flatMap((chunk) => chunk.rows);
}

/** The listing, row by row, next to what it should be: every live item's row, and nothing else. */
async function listingAndExpected(): Promise<[ListedItem[], ListedItem[]]> {
  const rows = await listedRows();
  const expected = (await db.items.toArray()).flatMap((r) => listedItemOf(r) ?? []);
  const order = (a: ListedItem, b: ListedItem) => a.id.localeCompare(b.id);
  return [rows.sort(order), expected.sort(order)];
}

describe('listedItemOf', () => {
  it('is what the list shows of a live item, with the node that created it', () => {
    const created = record('a', {
      text: 'Góp ý dự thảo',
      occurredOn: '2026-11-02',
      category: 'office_admin',
      rank: 3,
      createdAt: '2026-11-02T01:00:00.000Z',
      lead: 'Góp ý',
      source: { url: 'https://x', title: null, selection: 'rất dài', document: null },
    });
    expect(listedItemOf({ ...created, authorId: 'u1' })).toEqual({
      occurredOn: '2026-11-02',
      id: 'a',
      text: 'Góp ý dự thảo',
      kind: 'result',
      category: 'office_admin',
      rank: 3,
      createdAt: '2026-11-02T01:00:00.000Z',
      authorId: 'u1',
      createdBy: 'pc1',
    });
  });

  it('is null for a deleted item and for one whose text has not arrived', () => {
    expect(listedItemOf(record('a', { text: 'x', deleted: true }))).toBeNull();
    expect(listedItemOf(record('a', { rank: 2 }))).toBeNull();
  });
});

describe('the listing', () => {
  it('follows every local write in the same transaction: a clip, an edit, a move to another day, a deletion, its undo', async () => {
    const id = crypto.randomUUID();
    await writeItem(db, id, { text: 'Tiếp Đoàn công tác', occurredOn: '2026-11-03' });
    expect(await listedRows()).toMatchObject([{ id, occurredOn: '2026-11-03', text: 'Tiếp Đoàn công tác' }]);
    await writeItem(db, id, { text: 'Tiếp Đoàn công tác tỉnh Khăm Muồn' });
    await writeItem(db, id, { occurredOn: '2026-12-01' });
    expect(await listedRows()).toMatchObject([
      { id, occurredOn: '2026-12-01', text: 'Tiếp Đoàn công tác tỉnh Khăm Muồn' },
    ]);
    await setDeleted(db, id, true);
    expect(await listedRows()).toEqual([]);
    await setDeleted(db, id, false);
    expect(await listedRows()).toMatchObject([{ id, occurredOn: '2026-12-01' }]);
  });

  it('follows a batch written as sync writes a pulled page, the same item twice in it included', async () => {
    const kept = crypto.randomUUID();
    const moved = crypto.randomUUID();
    const dropped = crypto.randomUUID();
    await db.items.bulkPut([
      record(kept, { text: 'Giữ nguyên', occurredOn: '2026-11-01' }),
      record(moved, { text: 'Chuyển ngày', occurredOn: '2026-11-02' }),
      record(dropped, { text: 'Bị xoá', occurredOn: '2026-11-03' }),
    ]);
    await db.transaction('rw', [db.items, db.meta], async () => {
      await db.items.bulkPut([
        record(moved, { text: 'Chuyển ngày', occurredOn: '2026-11-20' }, 'pc2', 'u2'),
        record(dropped, { text: 'Bị xoá', occurredOn: '2026-11-03', deleted: true }, 'pc2'),
        record(moved, { text: 'Chuyển ngày lần nữa', occurredOn: '2026-11-25' }, 'pc2', 'u2'),
      ]);
    });
    const [rows, expected] = await listingAndExpected();
    expect(rows).toEqual(expected);
    expect(rows.map((r) => [r.text, r.occurredOn])).toEqual(
      expect.arrayContaining([
        ['Giữ nguyên', '2026-11-01'],
        ['Chuyển ngày lần nữa', '2026-11-25'],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it("adds a day's new rows as a chunk of their own, and merges the day when a row changes or it has eight chunks", async () => {
    const chunksOf = async (day: string) => (await db.listingChunks.toArray()).filter((chunk) => chunk.day === day);
    const ids = Array.from({ length: 9 }, () => crypto.randomUUID());
    for (const [i, id] of ids.slice(0, 8).entries())
      await writeItem(db, id, { text: `Việc ${i}`, occurredOn: '2026-11-02' });
    expect((await chunksOf('2026-11-02')).map((chunk) => chunk.rows.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    await writeItem(db, ids[8]!, { text: 'Việc 8', occurredOn: '2026-11-02' });
    expect((await chunksOf('2026-11-02')).map((chunk) => chunk.rows.length)).toEqual([9]);
    await writeItem(db, crypto.randomUUID(), { text: 'Việc khác', occurredOn: '2026-11-02' });
    await writeItem(db, ids[0]!, { text: 'Việc 0, sửa' });
    expect((await chunksOf('2026-11-02')).map((chunk) => chunk.rows.length)).toEqual([10]);
    await writeItem(db, ids[1]!, { occurredOn: '2026-11-05' });
    expect((await chunksOf('2026-11-02')).map((chunk) => chunk.rows.length)).toEqual([9]);
    expect((await chunksOf('2026-11-05')).map((chunk) => chunk.rows.map((row) => row.id))).toEqual([[ids[1]]]);
    const [rows, expected] = await listingAndExpected();
    expect(rows).toEqual(expected);
    expect(rows.find((row) => row.id === ids[0])?.text).toBe('Việc 0, sửa');
  });

  it('merges only the smallest chunks of a busy day, of about the same size, and leaves its large one as it is', async () => {
    const day = '2026-11-02';
    const sizes = async () =>
      (await db.listingChunks.toArray()).map((chunk) => chunk.rows.length).sort((a, b) => a - b);
    await db.items.bulkPut(
      Array.from({ length: 100 }, (_, i) => record(crypto.randomUUID(), { text: `Trang ${i}`, occurredOn: day })),
    );
    const [large] = await db.listingChunks.toArray();
    const clip = (i: number) => writeItem(db, crypto.randomUUID(), { text: `Việc ${i}`, occurredOn: day });
    for (let i = 0; i < 7; i++) await clip(i);
    expect(await sizes()).toEqual([1, 1, 1, 1, 1, 1, 1, 100]);
    await clip(7);
    expect(await sizes()).toEqual([8, 100]);
    for (let i = 8; i < 14; i++) await clip(i);
    expect(await sizes()).toEqual([1, 1, 1, 1, 1, 1, 8, 100]);
    await clip(14);
    // The six single rows and the new one are of one size class; the chunk of 8 is of the next.
    expect(await sizes()).toEqual([7, 8, 100]);
    expect(await db.listingChunks.get(large!.key)).toEqual(large);
    const [rows, expected] = await listingAndExpected();
    expect(rows).toEqual(expected);
  });

  it('moves rows right when a transaction reads records, then writes them twice (the records it read are not read again)', async () => {
    const id = crypto.randomUUID();
    await db.items.put(record(id, { text: 'Việc', occurredOn: '2026-11-01' }));
    await db.transaction('rw', [db.items, db.meta], async () => {
      const [held] = await db.items.bulkGet([id, crypto.randomUUID()]);
      expect(held?.fields.occurredOn).toBe('2026-11-01');
      await db.items.bulkPut([record(id, { text: 'Việc', occurredOn: '2026-11-10' })]);
      await db.items.put(record(id, { text: 'Việc', occurredOn: '2026-11-20' }));
    });
    await db.transaction('rw', db.items, async () => {
      expect((await db.items.get(id))?.fields.occurredOn).toBe('2026-11-20');
      await db.items.put(record(id, { text: 'Việc', occurredOn: '2026-11-21' }));
      await db.items.put(record(id, { text: 'Việc', occurredOn: '2026-11-22' }));
    });
    expect(await listedRows()).toMatchObject([{ id, occurredOn: '2026-11-22' }]);
  });

  it('follows updates, hard deletes and a cleared store', async () => {
    const id = crypto.randomUUID();
    await db.items.put(record(id, { text: 'Việc', occurredOn: '2026-11-01' }));
    await db.items.update(id, { 'fields.kind': 'plan', 'fields.occurredOn': '2026-11-09' });
    expect(await listedRows()).toMatchObject([{ id, kind: 'plan', occurredOn: '2026-11-09' }]);
    await db.items.delete(id);
    expect(await listedRows()).toEqual([]);
    await db.items.bulkPut([record('a', { text: 'a' }), record('b', { text: 'b' })]);
    await db.items.clear();
    expect(await listedRows()).toEqual([]);
  });

  it('changes nothing when the transaction that wrote the item fails', async () => {
    const id = crypto.randomUUID();
    await expect(
      db.transaction('rw', db.items, async () => {
        await db.items.put(record(id, { text: 'Sẽ bị huỷ', occurredOn: '2026-11-01' }));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await listedRows()).toEqual([]);
  });

  it('wakes a live query of the listing when an item is written', async () => {
    const seen: number[] = [];
    const subscription = liveQuery(() => db.listingChunks.count()).subscribe((count) => seen.push(count));
    await expect.poll(() => seen).toEqual([0]);
    await writeItem(db, crypto.randomUUID(), { text: 'Mới', occurredOn: '2026-11-01' });
    await expect.poll(() => seen).toEqual([0, 1]);
    subscription.unsubscribe();
  });

  it('is filled from the items of an older version when the database is upgraded: no clip goes missing', async () => {
    db.close();
    await Dexie.delete(name);
    const older = new Dexie(name);
    older.version(1).stores({ items: 'id, fields.occurredOn', outbox: '++seq, itemId', meta: 'key' });
    const records = Array.from({ length: 50 }, (_, i) =>
      record(crypto.randomUUID(), { text: `Việc ${i}`, occurredOn: '2026-11-01', deleted: i % 10 === 0 }),
    );
    await older.table('items').bulkPut([...records, record(crypto.randomUUID(), { rank: 1 })]);
    older.close();
    db = openGomDb(name);
    const [rows, expected] = await listingAndExpected();
    expect(rows).toHaveLength(45);
    expect(rows).toEqual(expected);
    expect(rows.map((r) => r.text).sort()).toEqual(
      records
        .map((r) => materializeItem(r, ''))
        .filter((item) => item && !item.deleted)
        .map((item) => item?.text)
        .sort(),
    );
  });

  it("rebuilds version 2's listing of one record a day as chunks, from the items", async () => {
    db.close();
    await Dexie.delete(name);
    const older = new Dexie(name);
    older.version(2).stores({ items: 'id, fields.occurredOn', outbox: '++seq, itemId', meta: 'key', listing: 'day' });
    const records = [1, 2, 3].map((i) =>
      record(crypto.randomUUID(), { text: `Việc ${i}`, occurredOn: `2026-11-0${i}` }),
    );
    await older.table('items').bulkPut(records);
    await older.table('listing').put({ day: '2026-11-01', rows: [listedItemOf(records[0]!)] });
    older.close();
    db = openGomDb(name);
    const [rows, expected] = await listingAndExpected();
    expect(rows).toEqual(expected);
    expect(rows).toHaveLength(3);
    expect(db.tables.map((table) => table.name)).not.toContain('listing');
  });
});

describe('the listing of version 4, keyed without sizes', () => {
  it('is rekeyed when the database is upgraded: every row kept, every key telling its size, merged by size after', async () => {
    db.close();
    await Dexie.delete(name);
    const older = new Dexie(name);
    older.version(4).stores({
      items: 'id, fields.occurredOn',
      outbox: '++seq, itemId',
      meta: 'key',
      listingChunks: 'key',
      lostEdits: '[itemId+field], itemId',
    });
    const day = '2026-11-03';
    const records = ['Cũ 1', 'Cũ 2', 'Cũ 3'].map((text) => record(crypto.randomUUID(), { text, occurredOn: day }));
    const held = record(crypto.randomUUID(), { text: 'Mới hơn', occurredOn: '2026-11-04' });
    await older.table('items').bulkPut([...records, held]);
    // Two chunks as the listing first keyed them, `day|id`, beside one keyed with its size.
    const rows = records.map((r) => listedItemOf(r)!);
    await older.table('listingChunks').bulkAdd([
      { key: `${day}|${crypto.randomUUID()}`, day, rows: rows.slice(0, 2) },
      { key: `${day}|${crypto.randomUUID()}`, day, rows: rows.slice(2) },
      { key: `2026-11-04|1|${crypto.randomUUID()}`, day: '2026-11-04', rows: [listedItemOf(held)!] },
    ]);
    older.close();
    db = openGomDb(name);
    const chunks = await db.listingChunks.toArray();
    expect(chunks.map((chunk) => [chunk.day, chunk.key.split('|')[1], chunk.rows.length]).sort()).toEqual([
      [day, '1', 1],
      [day, '2', 2],
      ['2026-11-04', '1', 1],
    ]);
    const [listed, expected] = await listingAndExpected();
    expect(listed).toEqual(expected);
    // Its chunks now take their size class: the small ones merge, the chunk of 2 with the singles.
    const sizes = async () =>
      (await db.listingChunks.toArray())
        .filter((chunk) => chunk.day === day)
        .map((chunk) => chunk.rows.length)
        .sort((a, b) => a - b);
    for (let i = 0; i < 6; i++) await writeItem(db, crypto.randomUUID(), { text: `Việc ${i}`, occurredOn: day });
    expect(await sizes()).toEqual([1, 1, 1, 1, 1, 1, 1, 2]);
    await writeItem(db, crypto.randomUUID(), { text: 'Việc 6', occurredOn: day });
    expect(await sizes()).toEqual([10]);
    const [after, expectedAfter] = await listingAndExpected();
    expect(after).toEqual(expectedAfter);
  });
});

describe('a large write', () => {
  const fields = { text: 'Góp ý dự thảo', occurredOn: '2026-11-02' };
  const ids = Array.from({ length: 80 }, (_, i) => `id-${String(i).padStart(3, '0')}`);

  it('keeps the listing right when a large write moves records it held', async () => {
    await db.items.bulkPut(ids.slice(0, 60).map((id) => record(id, fields)));
    await db.items.bulkPut(ids.map((id) => record(id, { ...fields, occurredOn: '2026-11-03' }, 'pc2')));
    const [rows, expected] = await listingAndExpected();
    expect(rows).toEqual(expected);
    expect((await db.listingChunks.toArray()).map((chunk) => [chunk.day, chunk.rows.length])).toEqual([
      ['2026-11-03', 80],
    ]);
  });
});
