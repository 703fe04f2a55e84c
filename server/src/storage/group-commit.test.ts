import { describe, expect, it } from 'vitest';
import { type GroupSession, groupCommit, serialPerKey, type UnitWrite } from './group-commit';
import type { PushPlan, StoredItem } from './port';

/**
 * An in-memory database with transactions that writes down what each asks of it, in order: enough
 * to see the reads and writes a group makes, and what a failed one leaves behind (nothing).
 */
function database({ failSaveOf = '' } = {}) {
  const log: string[] = [];
  const committed = { revs: new Map<string, number>(), items: new Map<string, StoredItem>(), seen: new Set<string>() };
  let opened = 0;
  const open = async (key: string): Promise<GroupSession> => {
    const n = ++opened;
    log.push(`open ${key}#${n}`);
    const pending: UnitWrite[] = [];
    const revs = new Map(committed.revs);
    const save = async (write: UnitWrite) => {
      log.push(`save #${n} ${write.unitId} rev ${write.rev} [${write.items.map((i) => `${i.id}@${i.rev}`)}]`);
      if (write.items.some((i) => i.id === failSaveOf)) throw new Error('refused by the database');
      pending.push(write);
      revs.set(write.unitId, write.rev);
    };
    return {
      rev: async (unitId) => revs.get(unitId) ?? 0,
      read: async (unitId, mutationIds, itemIds) => {
        log.push(`read #${n} ${unitId} [${mutationIds}] [${itemIds}]`);
        return {
          seen: new Set(mutationIds.filter((id) => committed.seen.has(id))),
          items: new Map(itemIds.flatMap((id) => (committed.items.has(id) ? [[id, committed.items.get(id)!]] : []))),
        };
      },
      save,
      commit: async (writes) => {
        for (const write of writes) await save(write);
        log.push(`commit #${n}`);
        for (const write of pending) {
          committed.revs.set(write.unitId, write.rev);
          for (const item of write.items) committed.items.set(item.id, item);
          for (const m of write.mutations) committed.seen.add(m.mutationId);
        }
      },
      abort: async () => {
        log.push(`abort #${n}`);
      },
    };
  };
  return { log, committed, grouped: groupCommit({ open, serialize: serialPerKey(), keyOf: (unitId) => unitId }) };
}

/** A push that sets `text` on the item, unless the item already says so; `refuse` makes its merge throw. */
const setText = (mutationId: string, itemId: string, text: string, refuse = false): PushPlan => ({
  clientId: 'c',
  mutationIds: [mutationId],
  itemIds: [itemId],
  merge: (stored) => {
    if (refuse) throw new Error('refused');
    if (stored.seen.has(mutationId) || stored.items.get(itemId)?.fields.text === text) {
      return { items: [], mutationIds: stored.seen.has(mutationId) ? [] : [mutationId] };
    }
    return { items: [{ id: itemId, authorId: null, fields: { text }, clocks: {} }], mutationIds: [mutationId] };
  },
});

describe('groupCommit', () => {
  it('reads and writes the pushes asked for together once, each merged on what the ones before it left and answered with its own revision', async () => {
    const { log, committed, grouped } = database();
    const results = await Promise.allSettled([
      grouped.push('U1', setText('m1', 'a', 'one')),
      grouped.push('U1', setText('m2', 'b', 'two')),
      grouped.push('U1', setText('m3', 'a', 'three', true)),
      grouped.push('U1', setText('m4', 'a', 'four')),
      grouped.push('U1', setText('m5', 'b', 'two')),
    ]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'fulfilled', value: 2 },
      { status: 'rejected', reason: new Error('refused') },
      { status: 'fulfilled', value: 3 },
      // Nothing to change: the cursor stays, the mutation id is remembered.
      { status: 'fulfilled', value: 3 },
    ]);
    expect(log).toEqual(['open U1#1', 'read #1 U1 [m1,m2,m3,m4,m5] [a,b]', 'save #1 U1 rev 3 [a@3,b@2]', 'commit #1']);
    expect(committed.items.get('a')?.fields.text).toBe('four');
    expect([...committed.seen]).toEqual(['m1', 'm2', 'm4', 'm5']);
  });

  it('tries each push of a group the database refuses again alone, so a bad push fails by itself', async () => {
    const { log, committed, grouped } = database({ failSaveOf: 'bad' });
    const results = await Promise.allSettled([
      grouped.push('U1', setText('m1', 'a', 'one')),
      grouped.push('U1', setText('m2', 'bad', 'x')),
      grouped.push('U1', setText('m3', 'c', 'three')),
    ]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('refused by the database') },
      { status: 'fulfilled', value: 2 },
    ]);
    expect(log.filter((line) => /^(open|commit|abort)/.test(line))).toEqual([
      'open U1#1',
      'abort #1',
      'open U1#2',
      'commit #2',
      'open U1#3',
      'abort #3',
      'open U1#4',
      'commit #4',
    ]);
    expect([...committed.seen]).toEqual(['m1', 'm3']);
  });

  it('gives each key its own transactions, and gathers what arrives while a key is busy into its next one', async () => {
    const { log, grouped } = database();
    let release = () => {};
    const gate = new Promise<void>((done) => {
      release = done;
    });
    const first = grouped.transaction('U1', () => gate.then(() => 'first'));
    const other = grouped.push('U2', setText('m1', 'x', 'other'));
    await new Promise((done) => setImmediate(done));
    const later = [grouped.push('U1', setText('m2', 'a', 'b')), grouped.push('U1', setText('m3', 'b', 'c'))];
    // U2 is not held up by U1's open transaction.
    expect(await other).toBe(1);
    release();
    expect(await Promise.all([first, ...later])).toEqual(['first', 1, 2]);
    expect(log.filter((line) => line.startsWith('open'))).toEqual(['open U1#1', 'open U2#2', 'open U1#3']);
  });

  it('runs a transaction on the unit’s next revisions, and rolls it back when its work fails', async () => {
    const { log, committed, grouped } = database();
    const item = { id: 'a', authorId: null, fields: {}, clocks: {} };
    expect(await grouped.transaction('U1', (tx) => tx.write('U1', [item, { ...item, id: 'b' }], ['m1'], 'c'))).toEqual([
      1, 2,
    ]);
    await expect(
      grouped.transaction('U1', async (tx) => {
        expect(await tx.putItem('U1', { ...item, id: 'c' })).toBe(3);
        expect(await tx.currentRev('U1')).toBe(3);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(log.filter((line) => /^(open|commit|abort)/.test(line))).toEqual([
      'open U1#1',
      'commit #1',
      'open U1#2',
      'abort #2',
    ]);
    expect([...committed.items.keys()]).toEqual(['a', 'b']);
    expect(committed.revs.get('U1')).toBe(2);
  });
});
