import { parseHlc } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OfficerError } from '../officer-error';
import { type GomDb, openGomDb, readMeta } from './db';
import { writeItem } from './write-item';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const id = '6f1c2b8e-2d7a-4a51-9a3e-0c6f1b2d3e4f';

describe('writeItem', () => {
  it('writes the item and its outbox mutation together, with one clock on every field it sets', async () => {
    const record = await writeItem(db, id, { text: '  Góp ý dự thảo Kế hoạch ', kind: 'result' }, 1_700_000_000_000);
    const clientId = await readMeta(db, 'clientId');
    expect(clientId).toMatch(/^[a-z0-9]{16}$/);
    const hlc = `1700000000000-0000-${clientId}`;
    // The shared schema trims the text, as the server would.
    expect(record).toEqual({
      id,
      fields: { text: 'Góp ý dự thảo Kế hoạch', kind: 'result' },
      clocks: { text: hlc, kind: hlc },
    });
    expect(await db.items.get(id)).toEqual(record);
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([
      {
        seq: 1,
        mutationId: expect.stringMatching(/^[A-Za-z0-9]{16,}$/),
        itemId: id,
        hlc,
        set: record.fields,
        at: expect.any(Number),
      },
    ]);
    expect(await readMeta(db, 'hlc')).toBe(hlc);
  });

  it('merges a later patch into the held item and queues only what it sets', async () => {
    await writeItem(db, id, { text: 'Bản đầu', lead: null }, 1_700_000_000_000);
    const record = await writeItem(db, id, { lead: 'Tham mưu UBND tỉnh' }, 1_700_000_000_500);
    expect(record.fields).toEqual({ text: 'Bản đầu', lead: 'Tham mưu UBND tỉnh' });
    expect(record.clocks.text).toMatch(/^1700000000000-0000-/);
    expect(record.clocks.lead).toMatch(/^1700000000500-0000-/);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((row) => row.set)).toEqual([{ text: 'Bản đầu', lead: null }, { lead: 'Tham mưu UBND tỉnh' }]);
    expect(new Set(outbox.map((row) => row.mutationId)).size).toBe(2);
  });

  it('issues increasing clocks even when the wall clock stands still or goes back', async () => {
    const clocks: string[] = [];
    for (const ms of [1_700_000_000_000, 1_700_000_000_000, 1_699_999_000_000, 1_700_000_000_001]) {
      clocks.push((await writeItem(db, id, { rank: ms }, ms)).clocks.rank ?? '');
    }
    expect([...clocks].sort()).toEqual(clocks);
    expect(new Set(clocks).size).toBe(clocks.length);
    expect(clocks.map((c) => parseHlc(c).counter)).toEqual([0, 1, 2, 0]);
  });

  it.each([
    ['an unknown field', { text: 'x', unitId: 'other' }],
    ['an empty patch', {}],
    ['blank text', { text: '   ' }],
    ['an impossible date', { occurredOn: '2026-02-30' }],
    ['a wrong type', { rank: 'first' }],
  ])('refuses %s with a clear error and writes nothing', async (_, set) => {
    const write = writeItem(db, id, set as never);
    await expect(write).rejects.toBeInstanceOf(OfficerError);
    await expect(write).rejects.toThrow(/không hợp lệ/);
    expect(await db.items.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
  });

  it('refuses an item id the server would refuse', async () => {
    await expect(writeItem(db, '42', { text: 'x' })).rejects.toThrow(/itemId/);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a clip whose text carries control characters, without them (the server refuses NUL)', async () => {
    const id = crypto.randomUUID();
    const record = await writeItem(db, id, {
      text: 'Góp\u0000 ý',
      source: { url: null, title: 'T\u0007', selection: 'Góp\u0000 ý\ndự thảo', document: null },
    });
    expect(record.fields.text).toBe('Góp ý');
    expect(record.fields.source).toMatchObject({ title: 'T', selection: 'Góp ý\ndự thảo' });
    expect((await db.outbox.toArray())[0]?.set.text).toBe('Góp ý');
  });

  it('keeps one client id for the life of the database', async () => {
    await writeItem(db, id, { text: 'một' });
    const first = await readMeta(db, 'clientId');
    await writeItem(db, crypto.randomUUID(), { text: 'hai' });
    expect(await readMeta(db, 'clientId')).toBe(first);
    const clocks = (await db.items.toArray()).map((item) => item.clocks.text);
    expect(clocks.every((clock) => clock?.endsWith(`-${first}`))).toBe(true);
  });
});
