import { describe, expect, it } from 'vitest';
import { SHARED_CLOCK } from './packed-clocks';
import { acceptsPackedClocks, isPulledItem, PACKED_CLOCKS_ACCEPT, pullResponseSchema } from './sync-protocol';

const item = {
  id: '0b7c5d0e-2f5a-4c1e-9d8a-3e1f2a4b5c6d',
  rev: 7,
  authorId: 'u1',
  fields: { text: 'Góp ý dự thảo', occurredOn: '2021-03-03' },
  clocks: { text: '1700000000000-0000-clientA', occurredOn: '1700000000001-0002-clientB' },
};

describe('isPulledItem', () => {
  it('accepts an item as the server sends it, with or without an author', () => {
    expect(isPulledItem(item)).toBe(true);
    expect(isPulledItem({ ...item, authorId: null })).toBe(true);
    expect(isPulledItem({ ...item, fields: {}, clocks: {} })).toBe(true);
  });

  it.each([
    ['not an object', 'item'],
    ['an array', [item]],
    ['an id that is no UUID', { ...item, id: 'abc' }],
    ['a revision of 0', { ...item, rev: 0 }],
    ['a fractional revision', { ...item, rev: 1.5 }],
    ['a revision as text', { ...item, rev: '7' }],
    ['a numeric author', { ...item, authorId: 3 }],
    ['no author at all', { ...item, authorId: undefined }],
    ['fields as an array', { ...item, fields: ['text'] }],
    ['fields missing', { ...item, fields: null }],
    ['a malformed clock', { ...item, clocks: { text: '2024-01-01' } }],
    ['a clock that is no string', { ...item, clocks: { text: 1700000000000 } }],
    ['a clock of an unknown field', { ...item, clocks: { colour: '1700000000000-0000-clientA' } }],
    ['a malformed shared clock', { ...item, clocks: { [SHARED_CLOCK]: 'now' } }],
  ])('refuses %s', (_, value) => {
    expect(isPulledItem(value)).toBe(false);
  });

  it('makes a whole page refused when one of its items is malformed', () => {
    const page = { items: [item, { ...item, rev: -1 }], cursor: 7, hasMore: false };
    expect(pullResponseSchema.safeParse(page).success).toBe(false);
    expect(pullResponseSchema.parse({ ...page, items: [item] })).toEqual({ ...page, items: [item] });
  });
});

describe('packed clocks in a pull', () => {
  it('unpacks them as the page is parsed, and takes clocks that were never packed', () => {
    const packed = {
      ...item,
      clocks: { [SHARED_CLOCK]: '1700000000000-0000-clientA', occurredOn: '1700000000001-0002-clientB' },
    };
    expect(isPulledItem(packed)).toBe(true);
    const page = pullResponseSchema.parse({
      items: [packed, { ...item, id: crypto.randomUUID() }],
      cursor: 7,
      hasMore: false,
    });
    expect(page.items.map((i) => i.clocks)).toEqual([item.clocks, item.clocks]);
  });

  it('is asked for by the Accept media type parameter', () => {
    expect(acceptsPackedClocks(PACKED_CLOCKS_ACCEPT)).toBe(true);
    expect(acceptsPackedClocks('application/json;clocks=packed, */*;q=0.1')).toBe(true);
    expect(acceptsPackedClocks('application/json')).toBe(false);
    expect(acceptsPackedClocks('*/*')).toBe(false);
    expect(acceptsPackedClocks(undefined)).toBe(false);
  });
});
