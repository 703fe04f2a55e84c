import { describe, expect, it } from 'vitest';
import { SHARED_CLOCK } from './packed-clocks';
import { isPulledItem, type Mutation, pullResponseSchema, pushRequestSchema } from './protocol';

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
  it('unpacks them as the page is parsed; clocks that no two fields share come as they are', () => {
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
});

describe('a push batch with one mutation id twice', () => {
  const source = {
    url: 'https://vanban.example/1',
    title: 'Công văn 12',
    selection: null,
    document: null,
  };
  const mutation: Mutation = {
    mutationId: 'mut00000001',
    itemId: item.id,
    hlc: '1700000000000-0000-clientA',
    set: { text: 'Góp ý dự thảo', tags: ['a', 'b'], source },
  };
  const push = (...mutations: Mutation[]) => pushRequestSchema.safeParse({ clientId: 'clientA', mutations });

  it('takes the same mutation delivered twice, members in any order', () => {
    expect(push(mutation, { ...mutation }).success).toBe(true);
    const reordered: Mutation = {
      hlc: mutation.hlc,
      set: {
        source: { document: null, selection: null, title: source.title, url: source.url },
        tags: ['a', 'b'],
        text: 'Góp ý dự thảo',
      },
      itemId: mutation.itemId,
      mutationId: mutation.mutationId,
    };
    expect(push(mutation, { ...mutation, mutationId: 'mut00000002' }, reordered).success).toBe(true);
  });

  it.each<[string, Partial<Mutation>]>([
    ['another item', { itemId: crypto.randomUUID() }],
    ['another clock', { hlc: '1700000000001-0000-clientA' }],
    ['another text', { set: { ...mutation.set, text: 'Góp ý khác' } }],
    ['a field more', { set: { ...mutation.set, lead: null } }],
    ['a field less', { set: { text: 'Góp ý dự thảo', tags: ['a', 'b'] } }],
    ['tags in another order', { set: { ...mutation.set, tags: ['b', 'a'] } }],
    ['another nested member', { set: { ...mutation.set, source: { ...source, title: 'Công văn 13' } } }],
  ])('refuses the whole batch when the second carries %s, naming the id', (_, change) => {
    const result = push(mutation, { ...mutation, mutationId: 'mut00000002' }, { ...mutation, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['mutations', 2, 'mutationId'],
        message: expect.stringContaining('mut00000001'),
      }),
    ]);
  });
});
