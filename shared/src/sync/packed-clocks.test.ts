import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ItemField, type ItemFieldsPatch, itemFieldNames } from '../item';
import { isPackedClocks, packClocks, SHARED_CLOCK, unpackClocks } from './packed-clocks';
import type { ItemClocks } from './record';

const t1 = '1700000000000-0000-abcdefghijklmnop';
const t2 = '1700000000001-0000-abcdefghijklmnop';
const t3 = '1700000000002-0000-zyxwvutsrqponmlk';

describe('packClocks', () => {
  it('keeps a clip written once as one clock', () => {
    const fields: ItemFieldsPatch = { text: 'Góp ý dự thảo', kind: 'result', lead: null, tags: [] };
    const clocks = { text: t1, kind: t1, lead: t1, tags: t1 };
    expect(packClocks(fields, clocks)).toEqual({ [SHARED_CLOCK]: t1 });
  });

  it('lists beside it the fields edited since', () => {
    const fields: ItemFieldsPatch = { text: 'x', kind: 'result', lead: null, deleted: true };
    const packed = packClocks(fields, { text: t1, kind: t1, lead: t2, deleted: t3 });
    expect(packed).toEqual({ [SHARED_CLOCK]: t1, lead: t2, deleted: t3 });
  });

  it('takes the latest clock when two are as frequent', () => {
    const packed = packClocks(
      { text: 'x', kind: 'result', lead: null, tags: [] },
      { text: t1, kind: t1, lead: t2, tags: t2 },
    );
    expect(packed).toEqual({ [SHARED_CLOCK]: t2, text: t1, kind: t1 });
  });

  it('leaves clocks alone when no two fields share one, or a field has none', () => {
    const distinct = { text: t1, kind: t2 };
    expect(packClocks({ text: 'x', kind: 'result' }, distinct)).toEqual(distinct);
    const unclocked = { text: t1, kind: t1 };
    expect(packClocks({ text: 'x', kind: 'result', lead: null }, unclocked)).toEqual(unclocked);
  });
});

describe('unpackClocks', () => {
  it('gives `*` to every field without a clock of its own', () => {
    const fields: ItemFieldsPatch = { text: 'x', kind: 'result', lead: null };
    expect(unpackClocks(fields, { [SHARED_CLOCK]: t1, lead: t2 })).toEqual({ text: t1, kind: t1, lead: t2 });
  });

  it('takes clocks without `*` as they are: no two fields shared one', () => {
    const clocks = { text: t1, kind: t2 };
    expect(unpackClocks({ text: 'x', kind: 'result' }, clocks)).toEqual(clocks);
  });
});

describe('isPackedClocks', () => {
  it('takes HLCs under known fields and `*`', () => {
    expect(isPackedClocks({ [SHARED_CLOCK]: t1, lead: t2 })).toBe(true);
    expect(isPackedClocks({ text: t1 })).toBe(true);
    expect(isPackedClocks({})).toBe(true);
  });

  it('refuses anything else', () => {
    expect(isPackedClocks(null)).toBe(false);
    expect(isPackedClocks([t1])).toBe(false);
    expect(isPackedClocks({ colour: t1 })).toBe(false);
    expect(isPackedClocks({ [SHARED_CLOCK]: 'yesterday' })).toBe(false);
    expect(isPackedClocks({ text: 42 })).toBe(false);
  });
});

const clockArb = fc.constantFrom(t1, t2, t3);
const fieldArb = fc.constantFrom(...itemFieldNames);
/** Fields and clocks as replicas hold them: mostly each field with its clock, sometimes one more or one less. */
const versionedArb = fc
  .tuple(
    fc.dictionary(fieldArb, clockArb, { maxKeys: itemFieldNames.length }),
    fc.uniqueArray(fieldArb),
    fc.uniqueArray(fieldArb),
  )
  .map(([clocks, unclocked, fieldless]) => {
    const fields: Record<string, unknown> = {};
    for (const field of Object.keys(clocks)) if (!fieldless.includes(field as ItemField)) fields[field] = null;
    for (const field of unclocked) fields[field] = null;
    return { fields: fields as ItemFieldsPatch, clocks: clocks as ItemClocks };
  });

describe('packed clocks, property', () => {
  it('unpack(pack(clocks)) gives back every clock, and no more', () => {
    fc.assert(
      fc.property(versionedArb, ({ fields, clocks }) => {
        const packed = packClocks(fields, clocks);
        expect(isPackedClocks(packed)).toBe(true);
        expect(unpackClocks(fields, packed)).toEqual(clocks);
        expect(Object.keys(packed).length).toBeLessThanOrEqual(Object.keys(clocks).length);
      }),
      { numRuns: 2000 },
    );
  });
});
