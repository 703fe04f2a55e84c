import { defaultTaxonomy } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestRecords } from '../reports/report-file';
import { periodPages } from '../services/report';
import { type TestDatabase, testAdapters } from '../test-support';
import type { PushChanges, Storage, StoredItem } from './port';

const unit = defaultTaxonomy.unit;
const other = { ...unit, id: 'SNV', name: 'Sở Nội vụ' };
const [from, to] = ['2021-03-01', '2021-03-31'];
const HLC = '1700000000000-0000-clientA';

/** An item as a push stores it, its id its text; its clocks are stored packed. */
const item = (id: string, occurredOn: string, text = id) => ({
  id,
  authorId: null,
  fields: { text, occurredOn },
  clocks: { text: HLC, occurredOn: HLC },
});
const versions = (items: StoredItem[]) => items.map((i) => [i.id, i.rev, i.fields.text, i.fields.occurredOn]);
const ids = (page: Uint8Array) => (JSON.parse(new TextDecoder().decode(page)) as StoredItem[]).map((i) => i.id);

describe.each(testAdapters)('a period read in pages on $name', (adapter) => {
  let db: TestDatabase;
  let storage: Storage;
  beforeEach(async () => {
    db = await adapter.open();
    storage = db.storage;
    await storage.addUnit(unit);
    await storage.addUnit(other);
  });
  afterEach(() => db.dispose());

  /** Stores the items as they are, under the unit's next revisions in this order. */
  const write = (items: PushChanges['items'], unitId = unit.id) =>
    storage.push(unitId, { clientId: 'c', mutationIds: [], itemIds: [], merge: () => ({ items, mutationIds: [] }) });

  it('gives at most `limit` items of the period above `afterRev`, in revision order', async () => {
    await write([item('a', from), item('x', '2021-04-01'), item('b', '2021-03-15'), item('c', to)]);
    await write([item('o', from)], other.id);
    await write([item('a', from, 'a2')]);
    const page = async (afterRev: number) => {
      const { items, ...rest } = await storage.itemsOccurringBetweenJson(unit.id, from, to, { afterRev, limit: 2 });
      return { ...rest, versions: versions(latestRecords([items])) };
    };
    expect(await page(0)).toEqual({
      count: 2,
      lastRev: 4,
      versions: [
        ['b', 3, 'b', '2021-03-15'],
        ['c', 4, 'c', to],
      ],
    });
    expect(await page(4)).toEqual({ count: 1, lastRev: 5, versions: [['a', 5, 'a2', from]] });
    expect(await page(5)).toEqual({ count: 0, lastRev: null, versions: [] });
    expect((await storage.itemsOccurringBetween(unit.id, from, to)).map((i) => i.id)).toEqual(['b', 'c', 'a']);
  });

  it('misses nothing of the period when items change between two pages of the read', async () => {
    await write([
      item('a', from),
      item('b', '2021-03-02'),
      item('c', '2021-03-03'),
      item('d', '2021-03-04'),
      item('e', '2021-03-05'),
      item('x', '2021-04-01'),
    ]);
    const pages: string[][] = [];
    const changing: Storage = {
      ...storage,
      itemsOccurringBetweenJson: async (...args) => {
        const page = await storage.itemsOccurringBetweenJson(...args);
        pages.push(ids(page.items));
        if (pages.length === 1) {
          await write([
            // Read in the first page, then moved out of the period.
            item('a', '2021-04-02'),
            // Read in the first page, then edited.
            item('b', '2021-03-02', 'b2'),
            // Moved out before its page.
            item('d', '2021-04-04'),
            // Moved into the period.
            item('x', '2021-03-06'),
          ]);
        }
        return page;
      },
    };
    const read = latestRecords(await periodPages(changing, unit.id, from, to, 2));
    expect(pages).toEqual([['a', 'b'], ['c', 'e'], ['b', 'x'], []]);
    // Each id once, at the last version read, in revision order. All that a read after the changes
    // finds is there, and the item moved out after it was read stays as it was read: as if the move
    // had come just after the read.
    expect(versions(read)).toEqual([
      ['a', 1, 'a', from],
      ['c', 3, 'c', '2021-03-03'],
      ['e', 5, 'e', '2021-03-05'],
      ['b', 8, 'b2', '2021-03-02'],
      ['x', 10, 'x', '2021-03-06'],
    ]);
    expect(await storage.itemsOccurringBetween(unit.id, from, to)).toEqual(read.slice(1));
  });
});
