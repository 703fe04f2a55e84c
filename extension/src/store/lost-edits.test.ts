import { formatHlc } from '@gom/shared';
import { describe, expect, it } from 'vitest';
import { lostEditsOf } from './lost-edits';

const mine = (ms: number) => formatHlc({ ms, counter: 0, node: 'mine' });
const theirs = (ms: number) => formatHlc({ ms, counter: 0, node: 'theirs' });
const AT = '2026-12-07T09:00:00.000Z';

describe('lostEditsOf', () => {
  const held = {
    id: 'a',
    fields: { text: 'Bản của tôi', lead: 'Tham mưu', rank: 3, deleted: false },
    clocks: { text: mine(2), lead: theirs(1), rank: mine(2), deleted: mine(1) },
  };

  it('names her edits another PC’s value replaced, with both values', () => {
    const merged = {
      fields: { ...held.fields, text: 'Bản khác', deleted: true },
      clocks: { ...held.clocks, text: theirs(3), deleted: theirs(3) },
    };
    expect(lostEditsOf(held, merged, 'mine', AT)).toEqual([
      { itemId: 'a', field: 'text', value: 'Bản của tôi', replacedBy: 'Bản khác', lostAt: AT },
      { itemId: 'a', field: 'deleted', value: false, replacedBy: true, lostAt: AT },
    ]);
  });

  it('is silent on fields she did not write, on the same value, on her own later clock, and on the order of the list', () => {
    const merged = {
      fields: { ...held.fields, lead: 'Chủ trì', rank: 9 },
      clocks: { ...held.clocks, lead: theirs(3), rank: theirs(3), text: theirs(3) },
    };
    expect(lostEditsOf(held, merged, 'mine', AT)).toEqual([]);
    const own = { fields: { ...held.fields, text: 'Bản mới của tôi' }, clocks: { ...held.clocks, text: mine(5) } };
    expect(lostEditsOf(held, own, 'mine', AT)).toEqual([]);
  });
});
