import { describe, expect, it } from 'vitest';
import { itemFieldsPatchSchema, materializeItem } from './item';

const id = '6f1c2b8e-2d7a-4a51-9a3e-0c6f1b2d3e4f';

describe('materializeItem', () => {
  it('fills the fields nobody wrote and dates the item by its latest write', () => {
    const item = materializeItem(
      {
        id,
        fields: { text: 'Góp ý dự thảo', createdAt: '2021-03-03T02:00:00.000Z' },
        clocks: { text: '1614736800000-0000-a', createdAt: '1614736800000-0000-a' },
      },
      'SNgV',
    );
    expect(item).toMatchObject({
      id,
      unitId: 'SNgV',
      text: 'Góp ý dự thảo',
      kind: 'result',
      occurredOn: '2021-03-03',
      deleted: false,
      tags: [],
      authorId: null,
      updatedAt: '2021-03-03T02:00:00.000Z',
    });
  });

  it('is null until the text arrives', () => {
    expect(
      materializeItem({ id, fields: { deleted: true }, clocks: { deleted: '1614736800000-0000-a' } }, 'SNgV'),
    ).toBeNull();
  });
});

describe('itemFieldsPatchSchema', () => {
  it('refuses an empty write, unknown fields and wrong types', () => {
    expect(itemFieldsPatchSchema.safeParse({}).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ text: 'x', unitId: 'other' }).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ kind: 'opinion' }).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ occurredOn: '2021-02-30' }).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ text: '   ' }).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ text: 'a\u0000b' }).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ tags: ['\u0000'] }).success).toBe(false);
    const source = { url: null, title: null, selection: 'x', document: null };
    expect(itemFieldsPatchSchema.safeParse({ source }).success).toBe(true);
    expect(itemFieldsPatchSchema.safeParse({ source: { ...source, title: 'PDF\u0000' } }).success).toBe(false);
    expect(itemFieldsPatchSchema.safeParse({ text: 'x', kind: 'plan' }).success).toBe(true);
  });
});
