import { SHARED_CLOCK } from '@gom/shared';
import { describe, expect, it } from 'vitest';
import type { StoredItem } from '../port';
import { pageCursor, repackedClocks, storedClocks, toItem, toPullPage, toPullPageJson } from './rows';

const clip = '1700000000000-0000-clientA';
const edit = '1700000000009-0000-clientB';
const item: StoredItem = {
  id: 'a',
  rev: 3,
  authorId: 'u1',
  fields: { text: 'Báo cáo quý I', lead: 'Tham mưu' },
  clocks: { text: clip, lead: edit },
};

describe('the rows both adapters read', () => {
  it('store an item’s clocks packed and give them back whole', () => {
    const packed = storedClocks({ ...item, clocks: { text: clip, lead: clip } });
    expect(packed).toEqual({ [SHARED_CLOCK]: clip });
    expect(toItem({ id: 'a', rev: '3', author_id: 'u1', fields: null, clocks: null }, item.fields, packed)).toEqual({
      ...item,
      clocks: { text: clip, lead: clip },
    });
  });

  it('pack the clocks of a row written before packing, and leave a packed row as it is', () => {
    const fields = { text: 'Báo cáo quý I', kind: 'result', lead: 'Tham mưu' } as const;
    expect(repackedClocks(fields, { text: clip, kind: clip, lead: edit })).toEqual({
      [SHARED_CLOCK]: clip,
      lead: edit,
    });
    expect(repackedClocks(fields, { [SHARED_CLOCK]: clip, lead: edit })).toBeUndefined();
    // No two fields share a clock, or a field has none: the packed form has no `*`.
    expect(repackedClocks({ text: 'x', lead: 'y' }, { text: clip, lead: edit })).toBeUndefined();
    expect(repackedClocks({ text: 'x', lead: 'y' }, { text: clip })).toBeUndefined();
    // `*` standing for fewer fields than it could: the same clocks, packed as a write packs them.
    expect(repackedClocks(fields, { [SHARED_CLOCK]: edit, text: clip, kind: clip })).toEqual({
      [SHARED_CLOCK]: clip,
      lead: edit,
    });
  });

  it('give an empty page the cursor asked from, or the unit’s revision when that is lower', () => {
    expect(pageCursor(7, 2, 9)).toBe(7);
    expect(pageCursor(null, 4, 9)).toBe(4);
    expect(pageCursor(null, 9, 4)).toBe(4);
  });

  it('read a page’s JSON as the wire carries it, and as the server’s own readers want it', () => {
    const stored = { ...item, clocks: storedClocks(item) };
    const json = toPullPageJson({ items: JSON.stringify([stored]), last: '3', more: 0, unit_rev: '5', epoch: 'e1' }, 0);
    expect({ ...json, items: Buffer.from(json.items).toString() }).toEqual({
      items: JSON.stringify([stored]),
      cursor: 3,
      hasMore: false,
      epoch: 'e1',
    });
    expect(toPullPage(json)).toEqual({ items: [item], cursor: 3, hasMore: false, epoch: 'e1' });
  });
});
