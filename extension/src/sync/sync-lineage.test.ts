import { mergeFields, mutationAsVersioned } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OfficerError } from '../officer-error';
import { type GomDb, openGomDb, readMeta, writeMeta } from '../store/db';
import { followServer, type ServerLineage, type SyncRun } from './sync-lineage';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const follow = (answer: ServerLineage, run: SyncRun = { startedOver: false }) =>
  db.transaction('rw', [db.items, db.outbox, db.meta], () => followServer(db, answer, run));

const held = {
  id: crypto.randomUUID(),
  authorId: 'u1',
  fields: { text: 'Góp ý dự thảo', occurredOn: '2026-11-02', deleted: true },
  clocks: {
    text: '1700000000000-0000-pcA',
    occurredOn: '1700000000000-0000-pcA',
    deleted: '1700000005000-0001-pcB',
  },
};

/** A replica that has pulled up to revision 40 of unit SNgV under epoch e1, with one pending edit. */
async function replicaAt40() {
  await db.items.add(held);
  await db.outbox.add({
    mutationId: 'pending00001',
    itemId: held.id,
    hlc: held.clocks.deleted,
    set: { deleted: true },
  });
  await writeMeta(db, 'cursor', 40);
  await writeMeta(db, 'syncedWith', { unitId: 'SNgV', epoch: 'e1' });
}

describe('followServer', () => {
  it('records the unit and epoch of a first answer, and goes on', async () => {
    expect(await follow({ unitId: 'SNgV', epoch: 'e1', cursor: 0 })).toBe(false);
    expect(await readMeta(db, 'syncedWith')).toEqual({ unitId: 'SNgV', epoch: 'e1' });
  });

  it('goes on with the same epoch, and with a server that sends none', async () => {
    await replicaAt40();
    expect(await follow({ unitId: 'SNgV', epoch: 'e1', cursor: 41 })).toBe(false);
    expect(await follow({ cursor: 40 })).toBe(false);
    expect([await readMeta(db, 'cursor'), await db.outbox.count()]).toEqual([40, 1]);
  });

  it('after a restore, queues every item held with its own clocks and pulls from the start', async () => {
    await replicaAt40();
    const run = { startedOver: false };
    expect(await follow({ unitId: 'SNgV', epoch: 'e2', cursor: 3 }, run)).toBe(true);
    expect(run.startedOver).toBe(true);
    expect(await readMeta(db, 'cursor')).toBe(0);
    expect(await readMeta(db, 'syncedWith')).toEqual({ unitId: 'SNgV', epoch: 'e2' });
    const rows = await db.outbox.toArray();
    // The pending edit stays first; the item follows, one write per clock, with new mutation ids.
    expect(rows.map((r) => [r.mutationId === 'pending00001', r.hlc, r.set])).toEqual([
      [true, held.clocks.deleted, { deleted: true }],
      [false, held.clocks.text, { text: held.fields.text, occurredOn: held.fields.occurredOn }],
      [false, held.clocks.deleted, { deleted: true }],
    ]);
    const rebuilt = rows
      .slice(1)
      .reduce<ReturnType<typeof mergeFields> | undefined>(
        (item, row) => mergeFields(item, mutationAsVersioned(row)),
        undefined,
      );
    expect({ fields: rebuilt?.fields, clocks: rebuilt?.clocks }).toEqual({ fields: held.fields, clocks: held.clocks });
  });

  it('starts over when the server is behind the cursor under the same epoch', async () => {
    await replicaAt40();
    expect(await follow({ unitId: 'SNgV', epoch: 'e1', cursor: 38 })).toBe(true);
    expect([await readMeta(db, 'cursor'), await db.outbox.count()]).toEqual([0, 3]);
  });

  it('pulls another unit from the start without giving it the items of the former one', async () => {
    await replicaAt40();
    expect(await follow({ unitId: 'SNV', epoch: 'e9', cursor: 7 })).toBe(true);
    expect(await readMeta(db, 'cursor')).toBe(0);
    expect(await readMeta(db, 'syncedWith')).toEqual({ unitId: 'SNV', epoch: 'e9' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('leaves out a field the server would refuse rather than block the outbox', async () => {
    await replicaAt40();
    await db.items.put({ ...held, fields: { ...held.fields, occurredOn: 'hôm qua' } });
    await follow({ unitId: 'SNgV', epoch: 'e2', cursor: 0 });
    const queued = (await db.outbox.toArray()).slice(1);
    expect(queued.map((r) => r.set)).toEqual([{ text: held.fields.text }, { deleted: true }]);
  });

  it('refuses to start over twice in one sync, and changes nothing then', async () => {
    await replicaAt40();
    const run = { startedOver: false };
    await follow({ unitId: 'SNgV', epoch: 'e2', cursor: 0 }, run);
    await writeMeta(db, 'cursor', 12);
    const error = await follow({ unitId: 'SNgV', epoch: 'e3', cursor: 0 }, run).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficerError);
    expect((error as OfficerError).reason).toBe('badResponse');
    expect(await readMeta(db, 'syncedWith')).toEqual({ unitId: 'SNgV', epoch: 'e2' });
    expect([await readMeta(db, 'cursor'), await db.outbox.count()]).toEqual([12, 3]);
  });
});
