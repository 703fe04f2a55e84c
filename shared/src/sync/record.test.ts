import { describe, expect, it } from 'vitest';
import { materializeItem } from './record';

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
