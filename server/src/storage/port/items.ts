import type { ItemRecord } from '@gom/shared';

/** An item as the server keeps it: the record plus the unit-wide revision of its last change. */
export interface StoredItem extends ItemRecord {
  rev: number;
  authorId: string | null;
}

/** What a push needs to know before it merges: read in one go for the whole batch. */
export interface BatchRead {
  /** Those of the asked mutation ids the unit has applied already. */
  seen: Set<string>;
  /** The unit's items among the asked ids, by id; an id the unit does not hold is absent. */
  items: Map<string, StoredItem>;
}

/** What a push changes: its items (each id once), saved under the unit's next revisions in this order, and its mutation ids to remember. */
export interface PushChanges {
  items: Array<Omit<StoredItem, 'rev'>>;
  /** None of them recorded yet. */
  mutationIds: string[];
}

/**
 * One push as the storage applies it. `merge` runs under the unit's lock, on what is stored plus the
 * changes of the pushes applied just before it in the same transaction; it must leave what it is
 * given unchanged, and touches no database: throwing refuses this push alone.
 */
export interface PushPlan {
  clientId: string;
  /** What `merge` needs read: the push's mutation ids and item ids. */
  mutationIds: string[];
  itemIds: string[];
  merge(stored: BatchRead): PushChanges;
}

/** A push applied: the unit's revision just after its own changes, and the unit's epoch. */
export interface PushResult {
  rev: number;
  epoch: string;
}

/** A mutation id the unit has applied, kept so that a replay changes nothing. */
export interface AppliedMutation {
  mutationId: string;
  clientId: string;
  appliedAt: string;
}

export interface PullPage {
  items: StoredItem[];
  /** The last item's revision; on an empty page, `since`, or the unit's revision if that is lower. */
  cursor: number;
  hasMore: boolean;
  /** The unit's epoch, read with the page. */
  epoch: string;
}

/** A pull page as the wire carries it: `items` is the JSON array of the stored items, in UTF-8, built by the database. */
export type PullPageJson = Omit<PullPage, 'items'> & { items: Uint8Array };

/** A page of items as the database writes it. */
export interface ItemsPageJson {
  /** The JSON array of the stored items, in revision order, in UTF-8; their clocks packed as stored. */
  items: Uint8Array;
  count: number;
  /** The last item's revision; none on an empty page. */
  lastRev: number | null;
}

/** A unit's items, the mutation ids applied to them, and the revisions that order their changes. */
export interface ItemStore {
  /**
   * Applies one push atomically, with the unit's other pushes of the moment in one transaction
   * (group commit); resolves to the unit's revision just after this push's own changes, and its epoch.
   */
  push(unitId: string, plan: PushPlan): Promise<PushResult>;
  /** The unit's items with a revision above `since`, in revision order, at most `limit` of them. */
  pullItems(unitId: string, since: number, limit: number): Promise<PullPage>;
  /**
   * The same page as `pullItems`, its items left as the JSON text the response carries, their clocks
   * packed as stored: the stored JSON is passed through instead of parsed, checked and serialised
   * again for every item.
   */
  pullItemsJson(unitId: string, since: number, limit: number): Promise<PullPageJson>;
  /** Items whose `occurredOn` lies in [from, to] (ISO dates, inclusive), tombstones included. */
  itemsOccurringBetween(unitId: string, from: string, to: string): Promise<StoredItem[]>;
  /**
   * A page of those items: the first `limit` of them with a revision above `afterRev`, left as the
   * JSON text of the stored items, as `pullItemsJson` leaves a pull's; a report's worker parses it.
   */
  itemsOccurringBetweenJson(
    unitId: string,
    from: string,
    to: string,
    page: { afterRev: number; limit: number },
  ): Promise<ItemsPageJson>;
  /** The items, of every unit, holding a clock later than `ms` (epoch ms): those a clock too far ahead wrote. */
  itemsClockedAfter(ms: number): Promise<Array<{ unitId: string; itemId: string }>>;
}
