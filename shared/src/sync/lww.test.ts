import { describe, expect, it } from 'vitest';
import { mergeFields, mutationAsVersioned, versionedAsWrites } from './lww';

const t1 = '1700000000000-0000-a';
const t2 = '1700000000001-0000-a';
const t2b = '1700000000001-0000-b';

describe('mergeFields', () => {
  it('takes every field of a first write', () => {
    const r = mergeFields(undefined, { fields: { text: 'x', kind: 'result' }, clocks: { text: t1, kind: t1 } });
    expect(r.fields).toEqual({ text: 'x', kind: 'result' });
    expect(r.changed.sort()).toEqual(['kind', 'text']);
  });

  it('keeps the newer field and takes the newer incoming one', () => {
    const held = { fields: { text: 'new', lead: 'old' }, clocks: { text: t2, lead: t1 } };
    const r = mergeFields(held, { fields: { text: 'stale', lead: 'fresh' }, clocks: { text: t1, lead: t2 } });
    expect(r.fields).toEqual({ text: 'new', lead: 'fresh' });
    expect(r.changed).toEqual(['lead']);
  });

  it('breaks a same-millisecond tie by node id', () => {
    const a = { fields: { text: 'from a' }, clocks: { text: t2 } };
    const b = { fields: { text: 'from b' }, clocks: { text: t2b } };
    expect(mergeFields(a, b).fields.text).toBe('from b');
    expect(mergeFields(b, a).fields.text).toBe('from b');
  });

  it('changes nothing when the same write arrives again', () => {
    const write = mutationAsVersioned({
      mutationId: 'm0000001',
      itemId: crypto.randomUUID(),
      hlc: t1,
      set: { text: 'x' },
    });
    const once = mergeFields(undefined, write);
    const twice = mergeFields(once, write);
    expect(twice.changed).toEqual([]);
    expect(twice.fields).toEqual(once.fields);
  });

  it('converges whatever the order of writes', () => {
    const writes = [
      { fields: { text: 'a', deleted: false }, clocks: { text: t1, deleted: t1 } },
      { fields: { deleted: true }, clocks: { deleted: t2 } },
      { fields: { text: 'b' }, clocks: { text: t2b } },
    ];
    const orders = [
      [0, 1, 2],
      [2, 1, 0],
      [1, 0, 2],
      [2, 0, 1],
    ];
    const results = orders.map((order) =>
      order.reduce<ReturnType<typeof mergeFields> | undefined>((acc, i) => mergeFields(acc, writes[i]!), undefined),
    );
    for (const r of results) expect(r?.fields).toEqual({ text: 'b', deleted: true });
  });
});

describe('versionedAsWrites', () => {
  const item = {
    fields: { text: 'b', deleted: true, occurredOn: '2021-03-03', rank: 2 },
    clocks: { text: t2b, deleted: t2, occurredOn: t1, rank: t2 },
  };
  const replay = (held: Parameters<typeof mergeFields>[0], writes: ReturnType<typeof versionedAsWrites>) =>
    writes.reduce(
      (acc, write) =>
        mergeFields(acc, mutationAsVersioned({ mutationId: 'm0000001', itemId: crypto.randomUUID(), ...write })),
      held,
    );

  it('writes each clock once, oldest first, with the fields it wrote', () => {
    expect(versionedAsWrites(item)).toEqual([
      { hlc: t1, set: { occurredOn: '2021-03-03' } },
      { hlc: t2, set: { deleted: true, rank: 2 } },
      { hlc: t2b, set: { text: 'b' } },
    ]);
  });

  it('rebuilds the item from nothing and from an older version of it', () => {
    const rebuilt = replay(undefined, versionedAsWrites(item));
    expect({ fields: rebuilt?.fields, clocks: rebuilt?.clocks }).toEqual(item);
    const older = { fields: { text: 'a', deleted: false }, clocks: { text: t1, deleted: t1 } };
    const caughtUp = replay(older, versionedAsWrites(item));
    expect({ fields: caughtUp?.fields, clocks: caughtUp?.clocks }).toEqual(item);
  });

  it('leaves a newer version as it is', () => {
    const newer = { fields: { ...item.fields, text: 'c' }, clocks: { ...item.clocks, text: '1700000000002-0000-a' } };
    expect(replay(newer, versionedAsWrites(item))).toMatchObject({ fields: newer.fields, clocks: newer.clocks });
  });
});
