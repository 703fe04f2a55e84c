import { type Item, type ItemRecord, materializeItem, parseHlc } from '@gom/shared';
import type {
  DBCore,
  DBCoreAddRequest,
  DBCoreDeleteRequest,
  DBCoreMutateRequest,
  DBCorePutRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';

/**
 * What the side panel shows of an item, and what the duplicate warning compares: a row of the
 * `listing` store, one for every live item with a text. The full record carries every field and
 * its clock; reading 5,000 of them took most of the side panel's 200 ms budget, and this row is
 * about a quarter of one.
 */
export interface ListedItem
  extends Pick<Item, 'id' | 'occurredOn' | 'text' | 'kind' | 'category' | 'rank' | 'createdAt' | 'authorId'> {
  /** The node whose clock wrote `createdAt`: this browser's clips, before the server names their author. */
  createdBy: string | null;
}

/** `[occurredOn, id]`: a period is one key range of the store itself, read without an index. */
type ListingKey = [string, string];

export const ITEMS_TABLE = 'items';
export const LISTING_TABLE = 'listing';
export const LISTING_SCHEMA = '[occurredOn+id]';

/** The listing row of a record; null when the list does not show it (deleted, or its text not arrived yet). */
export function listedItemOf(record: ItemRecord): ListedItem | null {
  // The unit is not part of the row: every item of this browser's store is the unit's.
  const item = materializeItem(record, '');
  if (!item || item.deleted) return null;
  const clock = record.clocks.createdAt;
  return {
    occurredOn: item.occurredOn,
    id: item.id,
    text: item.text,
    kind: item.kind,
    category: item.category,
    rank: item.rank,
    createdAt: item.createdAt,
    authorId: item.authorId,
    createdBy: clock ? parseHlc(clock).node : null,
  };
}

function keyOf(record: ItemRecord | undefined): ListingKey | null {
  const row = record && listedItemOf(record);
  return row ? [row.occurredOn, row.id] : null;
}

/** The item ids a write touches: their records are read before it, so that the rows it moves or removes are known. */
function idsWritten(req: DBCoreAddRequest | DBCorePutRequest | DBCoreDeleteRequest): string[] {
  return req.type === 'delete' ? req.keys : req.values.map((value: ItemRecord) => value.id);
}

/**
 * The listing rows after a write, from each id's record before it and after it. Only the last
 * write of an id in a batch counts: the listing follows the item's final state.
 */
function relist(
  listing: DBCoreTable,
  trans: DBCoreTransaction,
  ids: string[],
  before: (ItemRecord | undefined)[],
  after: Map<string, ItemRecord | undefined>,
): Promise<unknown> {
  const removed: ListingKey[] = [];
  const rows: ListedItem[] = [];
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id) || !after.has(id)) return;
    seen.add(id);
    const old = keyOf(before[index]);
    const next = after.get(id);
    const row = next ? listedItemOf(next) : null;
    if (old && !(row && row.occurredOn === old[0])) removed.push(old);
    if (row) rows.push(row);
  });
  return Promise.all([
    removed.length > 0 && listing.mutate({ trans, type: 'delete', keys: removed }),
    rows.length > 0 && listing.mutate({ trans, type: 'put', values: rows }),
  ]);
}

// Promise chains, not `await`: Dexie keeps its transaction zone across `then` of its own
// promises, and a native `await` here would lose it.
function itemsKeepingListing(items: DBCoreTable, listing: () => DBCoreTable): DBCoreTable {
  const write = (req: DBCoreMutateRequest, ids: string[]) =>
    items.getMany({ trans: req.trans, keys: ids }).then((before) =>
      items.mutate(req).then((result) => {
        // A failed operation changed nothing: its listing row stays as it was.
        const after = new Map<string, ItemRecord | undefined>();
        ids.forEach((id, index) => {
          if (result.failures[index]) return;
          after.set(id, req.type === 'put' || req.type === 'add' ? req.values[index] : undefined);
        });
        return relist(listing(), req.trans, ids, before, after).then(() => result);
      }),
    );
  return {
    ...items,
    mutate: (req) => {
      if (req.type !== 'deleteRange') return write(req, idsWritten(req));
      return items
        .query({ trans: req.trans, query: { index: items.schema.primaryKey, range: req.range } })
        .then((found) => write(req, found.result));
    },
  };
}

/**
 * Keeps the listing in step with the items store inside every transaction that writes items,
 * whichever module writes them (a local edit, a pulled page of sync): a write to an item and
 * to its row are committed together or not at all, so the list never shows what the store does not hold.
 */
export const listingMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'GomListing',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' && stores.includes(ITEMS_TABLE) && !stores.includes(LISTING_TABLE)
          ? [...stores, LISTING_TABLE]
          : stores,
        mode,
        options,
      ),
    // The listing is looked up at the first write: an upgrade reads items before the store exists.
    table: (name) =>
      name === ITEMS_TABLE
        ? itemsKeepingListing(down.table(ITEMS_TABLE), () => down.table(LISTING_TABLE))
        : down.table(name),
  }),
};
