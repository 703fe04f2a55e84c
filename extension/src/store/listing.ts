/**
 * The listing store, `listingChunks`: what the side panel shows of each live item and what the
 * duplicate warning compares (`ListedItem`, a few fields of the item), kept apart from the full
 * records, which carry every field and its clock. A period's list is then one key range of compact
 * rows (`listingRange`) instead of a read of every record of the period.
 *
 * It is a Dexie middleware (`listingMiddleware`, installed by `openGomDb`): every write to `items`
 * — `writeItem`, a pulled page, a settled clock, whichever module makes it — also rewrites the
 * listing rows of the items it touches, in the same transaction, so the list never shows what the
 * store does not hold. Nothing writes `listingChunks` directly, but the database upgrades that
 * filled it and rekeyed it; a test seeding a store writes it with `listingChunksOf`.
 */
import { type Item, type ItemRecord, materializeItem, parseHlc } from '@gom/shared';
import type {
  DBCore,
  DBCoreAddRequest,
  DBCoreDeleteRequest,
  DBCoreMutateRequest,
  DBCorePutRequest,
  DBCoreRangeType,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';

/**
 * What the side panel shows of an item, and what the duplicate warning compares: a row of the
 * listing, one for every live item with a text. The full record carries every field and its clock;
 * this row, a small part of one, is what a period's list reads.
 */
export interface ListedItem
  extends Pick<Item, 'id' | 'occurredOn' | 'text' | 'kind' | 'category' | 'rank' | 'createdAt' | 'authorId'> {
  /** The node whose clock wrote `createdAt`: this browser's clips, before the server names their author. */
  createdBy: string | null;
}

/**
 * A chunk of the listing: rows of items that occurred on one day. A day's new rows are added as a
 * chunk of their own, without reading the day: a clip writes one row, not its day's hundreds, and
 * a first sync's pages add to their days without rewriting what earlier pages wrote (which made a
 * sync's listing writes grow with the square of its pages). A day's chunks are merged into one
 * when one of its rows changes or leaves; when the day has more than a few, only its smallest
 * chunks of about the same size are merged, so a clip on a busy day rewrites a few rows, not the day.
 */
export interface ListingChunk {
  /**
   * `day`, `|`, the number of rows, `|`, then an id: a period's chunks are one key range of the
   * store, and a day's sizes are known from its keys alone.
   */
  key: string;
  day: string;
  rows: ListedItem[];
}

const ITEMS_TABLE = 'items';
const LISTING_TABLE = 'listingChunks';
export const LISTING_SCHEMA = 'key';
// DBCoreRangeType.Range: a const enum, which a bundler compiling file by file cannot inline.
const RANGE = 2 as DBCoreRangeType;
// A month's list reads up to this many chunks a day (~30 records of IndexedDB a month when merged).
const CHUNKS_A_DAY = 8;

/** The key range of the listing chunks of the days from `from` to `to`. */
export function listingRange(from: string, to: string): [string, string] {
  return [`${from}|`, `${to}|\uffff`];
}

function chunkOf(day: string, rows: ListedItem[]): ListingChunk {
  return { key: `${day}|${rows.length}|${crypto.randomUUID()}`, day, rows };
}

/** A chunk's size class from its key: 1–7 rows, 8–63, 64–511… */
function sizeClass(key: string): number {
  return Math.floor(Math.log2(Number(key.split('|')[1])) / 3);
}

/**
 * The chunks to merge when a day has too many: those of the smallest size class that has more than
 * one, or all of them should every class have one (a day of millions of rows).
 */
function chunksToMerge(keys: string[]): string[] {
  const byClass = new Map<number, string[]>();
  for (const key of keys) {
    const size = sizeClass(key);
    byClass.set(size, [...(byClass.get(size) ?? []), key]);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const smallest = classes.find((size) => byClass.get(size)!.length > 1);
  return smallest === undefined ? keys : byClass.get(smallest)!;
}

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

/** The listing of records, one chunk a day: for an upgrade, or a test seeding a store directly. */
export function listingChunksOf(records: ItemRecord[]): ListingChunk[] {
  const days = new Map<string, ListedItem[]>();
  for (const record of records) {
    const row = listedItemOf(record);
    if (!row) continue;
    const rows = days.get(row.occurredOn);
    if (rows) rows.push(row);
    else days.set(row.occurredOn, [row]);
  }
  return [...days].map(([day, rows]) => chunkOf(day, rows));
}

/**
 * The chunks of a listing whose keys lack the size (`day|id`, as the listing was first keyed)
 * under keys that carry it, their rows as they were: for the database upgrade that rewrites them.
 */
export function rekeyedChunks(chunks: ListingChunk[]): { gone: string[]; added: ListingChunk[] } {
  const old = chunks.filter((chunk) => chunk.key.split('|').length === 2);
  return {
    gone: old.map((chunk) => chunk.key),
    added: old.filter((chunk) => chunk.rows.length > 0).map((chunk) => chunkOf(chunk.day, chunk.rows)),
  };
}

/** The item ids a write touches: their records are read before it, so that the rows it moves or removes are known. */
function idsWritten(req: DBCoreAddRequest | DBCorePutRequest | DBCoreDeleteRequest): string[] {
  return req.type === 'delete' ? req.keys : req.values.map((value: ItemRecord) => value.id);
}

/**
 * One day's chunks after a write: `gone` are the ids whose rows leave it (or change in it),
 * `rows` the rows joining it. Only new rows: a chunk of their own, or, when the day has enough
 * chunks already, merged with its smallest ones. Otherwise the day is read whole and written back
 * as one chunk.
 */
function relistDay(
  chunks: DBCoreTable,
  trans: DBCoreTransaction,
  day: string,
  gone: Set<string> | undefined,
  rows: Map<string, ListedItem> | undefined,
): Promise<unknown> {
  const [lower, upper] = listingRange(day, day);
  const query = { index: chunks.schema.primaryKey, range: { type: RANGE, lower, upper } };
  // The chunks `held` leave; one chunk of `all` takes their place.
  const replace = (held: ListingChunk[], all: ListedItem[]) =>
    Promise.all([
      held.length > 0 && chunks.mutate({ trans, type: 'delete', keys: held.map((chunk) => chunk.key) }),
      all.length > 0 && chunks.mutate({ trans, type: 'add', values: [chunkOf(day, all)] }),
    ]);
  const rowsOf = (held: ListingChunk[]) => held.flatMap((chunk) => chunk.rows);
  if (gone || !rows) {
    return chunks.query({ trans, values: true, query }).then(({ result }) => {
      const held = result as ListingChunk[];
      const stay = rowsOf(held).filter((row) => !gone?.has(row.id) && !rows?.has(row.id));
      return replace(held, rows ? [...stay, ...rows.values()] : stay);
    });
  }
  return chunks.query({ trans, values: false, query }).then(({ result }): Promise<unknown> => {
    const keys = result as string[];
    if (keys.length < CHUNKS_A_DAY) return replace([], [...rows.values()]);
    return chunks
      .getMany({ trans, keys: chunksToMerge(keys) })
      .then((held: ListingChunk[]) => replace(held, [...rowsOf(held), ...rows.values()]));
  });
}

/**
 * The listing after a write, from each id's record before it and after it: its row leaves the
 * day it was listed under and joins the day it occurs on now. Only the last write of an id in a
 * batch counts: the listing follows the item's final state.
 */
function relist(
  chunks: DBCoreTable,
  trans: DBCoreTransaction,
  ids: string[],
  before: (ItemRecord | undefined)[],
  after: Map<string, ItemRecord | undefined>,
): Promise<unknown> {
  const leaving = new Map<string, Set<string>>();
  const joining = new Map<string, Map<string, ListedItem>>();
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id) || !after.has(id)) return;
    seen.add(id);
    const previous = before[index];
    const old = previous && listedItemOf(previous);
    const next = after.get(id);
    const row = next ? listedItemOf(next) : null;
    if (old) leaving.set(old.occurredOn, (leaving.get(old.occurredOn) ?? new Set()).add(id));
    if (row) joining.set(row.occurredOn, (joining.get(row.occurredOn) ?? new Map()).set(id, row));
  });
  const days = [...new Set([...leaving.keys(), ...joining.keys()])];
  return Promise.all(days.map((day) => relistDay(chunks, trans, day, leaving.get(day), joining.get(day))));
}

// The records of items read or written in each transaction: sync reads a page's records before
// merging them, and its write would otherwise read them all again to find their old rows.
const known = new WeakMap<DBCoreTransaction, Map<string, ItemRecord | undefined>>();

function knownIn(trans: DBCoreTransaction): Map<string, ItemRecord | undefined> {
  let records = known.get(trans);
  if (!records) {
    records = new Map();
    known.set(trans, records);
  }
  return records;
}

// Promise chains, not `await`: Dexie keeps its transaction zone across `then` of its own
// promises, and a native `await` here would lose it.
function itemsKeepingListing(items: DBCoreTable, listing: () => DBCoreTable): DBCoreTable {
  const recordsBefore = (trans: DBCoreTransaction, ids: string[]): Promise<(ItemRecord | undefined)[]> => {
    const records = knownIn(trans);
    const unread = [...new Set(ids.filter((id) => !records.has(id)))];
    if (unread.length === 0) return Promise.resolve(ids.map((id) => records.get(id)));
    return items.getMany({ trans, keys: unread }).then((found: (ItemRecord | undefined)[]) => {
      unread.forEach((id, index) => {
        records.set(id, found[index]);
      });
      return ids.map((id) => records.get(id));
    });
  };
  const write = (req: DBCoreMutateRequest, ids: string[]) =>
    // An add has no record before it: where one exists, the add fails and changes nothing.
    (req.type === 'add' ? Promise.resolve(ids.map(() => undefined)) : recordsBefore(req.trans, ids)).then((before) =>
      items.mutate(req).then((result) => {
        // A failed operation changed nothing: its listing row stays as it was.
        const after = new Map<string, ItemRecord | undefined>();
        ids.forEach((id, index) => {
          if (result.failures[index]) return;
          after.set(id, req.type === 'put' || req.type === 'add' ? req.values[index] : undefined);
        });
        const records = knownIn(req.trans);
        for (const [id, record] of after) records.set(id, record);
        return relist(listing(), req.trans, ids, before, after).then(() => result);
      }),
    );
  return {
    ...items,
    get: (req) =>
      items.get(req).then((found: ItemRecord | undefined) => {
        knownIn(req.trans).set(req.key, found);
        return found;
      }),
    getMany: (req) =>
      items.getMany(req).then((found: (ItemRecord | undefined)[]) => {
        const records = knownIn(req.trans);
        req.keys.forEach((id: string, index: number) => {
          records.set(id, found[index]);
        });
        return found;
      }),
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
