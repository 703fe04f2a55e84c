import { describe, expect, it } from 'vitest';
import type { PushPlan, StoredItem } from '../port';
import { commitAlone, type GroupSession, groupCommit, serially } from './group-commit';

/**
 * An in-memory database with transactions that writes down what each asks of it, in order: enough
 * to see the reads and writes a group makes, and what a failed one leaves behind (nothing). Its
 * units are those given; a read of another fails, as a unit that does not exist does.
 */
function database({ units = ['U1', 'U2'], failSaveOf = '', commits = groupCommit } = {}) {
  const log: string[] = [];
  const committed = {
    revs: new Map(units.map((unitId) => [unitId, 0])),
    items: new Map<string, StoredItem>(),
    seen: new Set<string>(),
  };
  let opened = 0;
  let reading = Promise.resolve();
  const open = async (): Promise<GroupSession> => {
    const n = ++opened;
    log.push(`open #${n}`);
    return {
      read: async (asked) => {
        for (const { unitId, mutationIds, itemIds } of asked)
          log.push(`read #${n} ${unitId} [${mutationIds}] [${itemIds}]`);
        await reading;
        return new Map(
          asked.map(({ unitId, mutationIds, itemIds }) => {
            const rev = committed.revs.get(unitId);
            if (rev === undefined) throw new Error(`Unit ${unitId} does not exist`);
            const items = itemIds.flatMap((id) =>
              committed.items.has(id) ? [[id, committed.items.get(id)!] as const] : [],
            );
            return [
              unitId,
              {
                rev,
                epoch: `e-${unitId}`,
                seen: new Set(mutationIds.filter((id) => committed.seen.has(id))),
                items: new Map(items),
              },
            ];
          }),
        );
      },
      commit: async (writes) => {
        for (const write of writes) {
          log.push(`save #${n} ${write.unitId} rev ${write.rev} [${write.items.map((i) => `${i.id}@${i.rev}`)}]`);
          if (write.items.some((i) => i.id === failSaveOf)) throw new Error('refused by the database');
        }
        log.push(`commit #${n}`);
        for (const write of writes) {
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
  /** Holds every read until the returned function is called. */
  const holdReads = () => {
    let release = () => {};
    reading = new Promise<void>((done) => {
      release = done;
    });
    return release;
  };
  return { log, committed, holdReads, push: commits({ open, serialize: serially() }) };
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
    const { log, committed, push } = database();
    const results = await Promise.allSettled([
      push('U1', setText('m1', 'a', 'one')),
      push('U1', setText('m2', 'b', 'two')),
      push('U1', setText('m3', 'a', 'three', true)),
      push('U1', setText('m4', 'a', 'four')),
      push('U1', setText('m5', 'b', 'two')),
    ]);
    expect(results).toEqual([
      { status: 'fulfilled', value: { rev: 1, epoch: 'e-U1' } },
      { status: 'fulfilled', value: { rev: 2, epoch: 'e-U1' } },
      { status: 'rejected', reason: new Error('refused') },
      { status: 'fulfilled', value: { rev: 3, epoch: 'e-U1' } },
      // Nothing to change: the cursor stays, the mutation id is remembered.
      { status: 'fulfilled', value: { rev: 3, epoch: 'e-U1' } },
    ]);
    expect(log).toEqual(['open #1', 'read #1 U1 [m1,m2,m3,m4,m5] [a,b]', 'save #1 U1 rev 3 [a@3,b@2]', 'commit #1']);
    expect(committed.items.get('a')?.fields.text).toBe('four');
    expect([...committed.seen]).toEqual(['m1', 'm2', 'm4', 'm5']);
  });

  it('tries each push of a group the database refuses again alone, so a bad push fails by itself', async () => {
    const { log, committed, push } = database({ failSaveOf: 'bad' });
    const results = await Promise.allSettled([
      push('U1', setText('m1', 'a', 'one')),
      push('U1', setText('m2', 'bad', 'x')),
      push('U1', setText('m3', 'c', 'three')),
    ]);
    expect(results).toEqual([
      { status: 'fulfilled', value: { rev: 1, epoch: 'e-U1' } },
      { status: 'rejected', reason: new Error('refused by the database') },
      { status: 'fulfilled', value: { rev: 2, epoch: 'e-U1' } },
    ]);
    expect(log.filter((line) => /^(open|commit|abort)/.test(line))).toEqual([
      'open #1',
      'abort #1',
      'open #2',
      'commit #2',
      'open #3',
      'abort #3',
      'open #4',
      'commit #4',
    ]);
    expect([...committed.seen]).toEqual(['m1', 'm3']);
  });

  it('reads every unit of a group in one read, and gathers what arrives while a group runs into the next one', async () => {
    const { log, holdReads, push } = database();
    const release = holdReads();
    const first = [push('U2', setText('m1', 'x', 'other')), push('U1', setText('m2', 'a', 'one'))];
    await new Promise((done) => setImmediate(done));
    const later = [push('U1', setText('m3', 'b', 'two')), push('U2', setText('m4', 'y', 'three'))];
    release();
    expect(await Promise.all([...first, ...later])).toEqual([
      { rev: 1, epoch: 'e-U2' },
      { rev: 1, epoch: 'e-U1' },
      { rev: 2, epoch: 'e-U1' },
      { rev: 2, epoch: 'e-U2' },
    ]);
    expect(log).toEqual([
      'open #1',
      'read #1 U2 [m1] [x]',
      'read #1 U1 [m2] [a]',
      'save #1 U2 rev 1 [x@1]',
      'save #1 U1 rev 1 [a@1]',
      'commit #1',
      'open #2',
      'read #2 U1 [m3] [b]',
      'read #2 U2 [m4] [y]',
      'save #2 U1 rev 2 [b@2]',
      'save #2 U2 rev 2 [y@2]',
      'commit #2',
    ]);
  });

  it('fails only the push of a unit the database does not hold', async () => {
    const { committed, push } = database({ units: ['U1'] });
    const results = await Promise.allSettled([
      push('U1', setText('m1', 'a', 'one')),
      push('U9', setText('m2', 'b', 'x')),
    ]);
    expect(results).toEqual([
      { status: 'fulfilled', value: { rev: 1, epoch: 'e-U1' } },
      { status: 'rejected', reason: new Error('Unit U9 does not exist') },
    ]);
    expect([...committed.seen]).toEqual(['m1']);
  });
});

describe('commitAlone, the plain version', () => {
  it('answers as the group commit does, each push in a transaction of its own, in order', async () => {
    const { log, committed, push } = database({ commits: commitAlone });
    const results = await Promise.allSettled([
      push('U1', setText('m1', 'a', 'one')),
      push('U1', setText('m2', 'b', 'two')),
      push('U1', setText('m3', 'a', 'three', true)),
      push('U1', setText('m4', 'a', 'four')),
      push('U9', setText('m5', 'c', 'x')),
    ]);
    expect(results).toEqual([
      { status: 'fulfilled', value: { rev: 1, epoch: 'e-U1' } },
      { status: 'fulfilled', value: { rev: 2, epoch: 'e-U1' } },
      { status: 'rejected', reason: new Error('refused') },
      { status: 'fulfilled', value: { rev: 3, epoch: 'e-U1' } },
      { status: 'rejected', reason: new Error('Unit U9 does not exist') },
    ]);
    expect(log.filter((line) => line.startsWith('open'))).toHaveLength(5);
    expect(committed.items.get('a')?.fields.text).toBe('four');
    expect([...committed.seen]).toEqual(['m1', 'm2', 'm4']);
  });
});
