import { defaultItemFields, type Item } from '../item';

/**
 * Test support: a maker of items written on `day` (at 08:00 UTC) by user u1 of SNgV, each with a
 * fresh id, the given text and any other fields the test sets.
 */
export function itemsOn(day: string): (text: string, fields?: Partial<Item>) => Item {
  const at = `${day}T08:00:00.000Z`;
  return (text, fields = {}) => ({
    ...defaultItemFields(day, at),
    id: crypto.randomUUID(),
    unitId: 'SNgV',
    authorId: 'u1',
    updatedAt: at,
    text,
    ...fields,
  });
}
