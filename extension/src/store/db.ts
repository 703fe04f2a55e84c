import type {
  ItemField,
  ItemFieldsPatch,
  ItemRecord,
  Lesson,
  ReportKind,
  UnitConfigKind,
  UnitModel,
} from '@gom/shared';
import Dexie, { type EntityTable, type Table } from 'dexie';
import { LISTING_SCHEMA, type ListingChunk, listingChunksOf, listingMiddleware, rekeyedChunks } from './listing';
import { newClientId } from './random-id';

/** A local write not yet acknowledged by the server: one mutation of the push protocol. */
export interface OutboxRow {
  /** Insertion order: mutations are pushed in the order they were made. */
  seq?: number;
  mutationId: string;
  itemId: string;
  hlc: string;
  set: ItemFieldsPatch;
  /** The PC's clock when the write was made, ms, and the offset its clock was corrected by (none when none was known): a clock the server refuses is stamped again from them. */
  at?: number;
  clockOffset?: number;
  /** The greatest clock the written fields held before the write: a new stamp stays above it. */
  after?: string;
}

/**
 * An edit of this officer's that a pull overwrote: another PC's write of the same field carried a
 * greater clock, so last-writer-wins kept that one (`lost-edits.ts`). Kept until she restores or
 * dismisses it: sync never drops her words without a word.
 */
export interface LostEdit {
  itemId: string;
  field: ItemField;
  /** Her value, as it was before the pull. */
  value: unknown;
  /** What replaced it. */
  replacedBy: unknown;
  /** ISO time of the pull that replaced it. */
  lostAt: string;
}

/** An item in an exported team report, as the server lists it (`report/reported-items.ts`). */
export interface ReportedItem {
  itemId: string;
  kind: ReportKind;
  periodId: string;
  reportId: string;
  reportedAt: string;
}

/** What this browser knows of the unit's exported reports: kept in Dexie, so the marks show offline. */
export interface ReportedItems {
  /** The newest export seen: the next request asks only for those after it. */
  cursor: string | null;
  items: ReportedItem[];
}

/** One of the unit's configuration documents as the server last gave it (`unit-config-store.ts`). */
export interface UnitConfigRow {
  kind: UnitConfigKind;
  /** The unit's version of it; null for the built-in document of a unit that stored none. */
  version: number | null;
  document: unknown;
}

/**
 * A category an officer chose for a text, kept until the server has learned it into the unit's
 * model (`POST /v1/model/lessons`, `classifier-store.ts`).
 */
export interface PendingLesson extends Lesson {
  /** Order of the corrections: the unit learns them in the order they were made. */
  seq?: number;
}

export interface MetaValues {
  /** Created once per browser profile; also the HLC node id. */
  clientId: string;
  /** The greatest clock this replica has issued or seen. */
  hlc: string;
  /** The server's time minus the PC's, ms, as the last answer told it: writes are stamped and dated by the PC's clock plus this. */
  clockOffset: number;
  /** The author the server gives the items this replica creates: its officer's user id, as the last push's answer said. */
  author: string;
  /** The server revision pulled up to. */
  cursor: number;
  /** Whose revisions `cursor` counts: the token's unit, and its epoch (renewed when the server is restored). */
  syncedWith: { unitId: string; epoch: string };
  /** ISO time of the last successful sync. */
  lastSync: string;
  /** The officer-worded message of the last failed sync; null once a sync succeeds. */
  lastError: string | null;
  /**
   * The model this browser classifies with: the unit's model as last synced, with the lessons not
   * yet sent learned on top (`classifier-store.ts`); validated on every read.
   */
  classifierModel: UnitModel;
  /** Counts the lessons stored: a context holding a validated model re-reads it only when this moves. */
  classifierRevision: number;
  /** Counts the changes of the stored configuration documents: the resolved configuration is kept until this moves. */
  unitConfigRevision: number;
  /** The items already in an exported team report, as the server last listed them. */
  reportedItems: ReportedItems;
  /** The plans whose carry-over ("Tiếp tục …") the officer dismissed, by the plan's id. */
  dismissedCarryOvers: string[];
}
export type MetaKey = keyof MetaValues;
export interface MetaRow {
  key: MetaKey;
  value: MetaValues[MetaKey];
}

export type GomDb = Dexie & {
  items: EntityTable<ItemRecord, 'id'>;
  outbox: EntityTable<OutboxRow, 'seq'>;
  meta: EntityTable<MetaRow, 'key'>;
  /** What the list shows of each live item, kept by `listingMiddleware` (`listing.ts`): never written directly. */
  listingChunks: Table<ListingChunk, string>;
  /** This officer's edits that a pull overwrote, until she restores or dismisses them. */
  lostEdits: Table<LostEdit, [string, string]>;
  /** The unit's configuration documents, by kind, as the server last gave them. */
  unitConfig: EntityTable<UnitConfigRow, 'kind'>;
  /** The officer's corrections the server has not yet acknowledged, in the order made. */
  lessons: EntityTable<PendingLesson, 'seq'>;
};

/** The extension's database; tests pass their own name to get a fresh one. */
export function openGomDb(name = 'gom'): GomDb {
  // No query cache: Dexie's default clones every cached result, which made the side panel's read of
  // a large period slower, not faster. Live queries still re-run on every change; they just read
  // IndexedDB again.
  const db = new Dexie(name, { cache: 'disabled' }) as GomDb;
  // `fields.occurredOn` lets the side panel read one month without scanning every clip.
  db.version(1).stores({
    items: 'id, fields.occurredOn',
    outbox: '++seq, itemId',
    meta: 'key',
  });
  // Version 2's listing held one record a day; version 3 keeps the same rows in chunks of a day.
  db.version(2).stores({ listing: 'day' });
  // Filled from the items already held, so that no clip of an older version goes missing from the list.
  db.version(3)
    .stores({ listing: null, listingChunks: LISTING_SCHEMA })
    .upgrade(async (tx) => {
      const records: ItemRecord[] = await tx.table('items').toArray();
      await tx.table('listingChunks').bulkAdd(listingChunksOf(records));
    });
  db.version(4).stores({ lostEdits: '[itemId+field], itemId' });
  // Chunks keyed before their size was in the key (`day|id`) may be held by a browser that ran the
  // listing's first chunked form: rekeyed, so that every key tells its chunk's size (`listing.ts`).
  db.version(5).upgrade(async (tx) => {
    const chunks = tx.table<ListingChunk, string>('listingChunks');
    const { gone, added } = rekeyedChunks(await chunks.toArray());
    await chunks.bulkDelete(gone);
    await chunks.bulkAdd(added);
  });
  // The unit's configuration and the lessons still to send (docs/architecture.md, "extension: by
  // area"). What this browser learned before lessons were sent is queued from the items themselves:
  // a category chosen by hand (`user`) whose clock is this profile's own, so no correction made
  // offline before this version is lost when the unit's model replaces the local one.
  db.version(6)
    .stores({ unitConfig: 'kind', lessons: '++seq' })
    .upgrade(async (tx) => {
      const clientId = (await tx.table<MetaRow, string>('meta').get('clientId'))?.value;
      if (typeof clientId !== 'string') return;
      const mine = (await tx.table<ItemRecord, string>('items').toArray())
        .filter(({ fields, clocks }) => fields.categorySource === 'user' && clocks.category?.endsWith(`-${clientId}`))
        .sort((a, b) => (a.clocks.category ?? '').localeCompare(b.clocks.category ?? ''));
      const lessons: PendingLesson[] = mine.flatMap(({ fields: { text, category, kind, deleted } }) =>
        text && category && !deleted ? [{ text, category, ...(kind ? { kind } : {}) }] : [],
      );
      await tx.table<PendingLesson, number>('lessons').bulkAdd(lessons);
    });
  // The listing store is kept by this middleware, not by the modules that write items: every write
  // to `items`, whoever makes it, also updates `listingChunks` in the same transaction (`listing.ts`).
  db.use(listingMiddleware);
  return db;
}

export async function readMeta<K extends MetaKey>(db: GomDb, key: K): Promise<MetaValues[K] | undefined> {
  return (await db.meta.get(key))?.value as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(db: GomDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

/** This profile's client id, made on first use; inside a transaction so two first writes agree on one. */
export function ensureClientId(db: GomDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await readMeta(db, 'clientId');
    if (existing) return existing;
    const created = newClientId();
    await writeMeta(db, 'clientId', created);
    return created;
  });
}
