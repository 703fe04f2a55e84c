import type { ItemRecord, ReportKind, ReportSettings, UnitConfigKind, UnitProfile } from '@gom/shared';

export const roles = ['member', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export type Unit = UnitProfile & { createdAt: string };

export interface User {
  id: string;
  unitId: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

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

/** A unit's settings for one kind of report, with who changed them last and when. */
export interface StoredReportSettings {
  kind: ReportKind;
  settings: ReportSettings;
  updatedBy: string;
  updatedAt: string;
}

/**
 * One version of one of a unit's configuration documents (taxonomy, rules, leads, templates,
 * metrics). Versions are never changed nor removed: each replacement is the next version, and the
 * highest is the one in use.
 */
export interface ConfigVersion {
  kind: UnitConfigKind;
  /** 1, 2, 3 … per unit and kind. */
  version: number;
  /** The document as the administrator sent it, validated against its kind's schema. */
  document: unknown;
  createdBy: string;
  createdAt: string;
}
export type ConfigVersionInfo = Omit<ConfigVersion, 'document'>;

/** Everything a unit holds, as `gom export` writes it and `gom import` reads it back. */
export interface UnitSnapshot {
  unit: Unit & { rev: number };
  users: Array<User & { tokenHash: string }>;
  items: StoredItem[];
  mutations: AppliedMutation[];
  /** By kind. */
  reportSettings: StoredReportSettings[];
  /** Oldest first. */
  reports: ReportRecord[];
  /** By kind, then version. */
  config: ConfigVersion[];
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

/** One exported report, kept so that the next report knows what was already reported. */
export interface ReportRecord {
  id: string;
  unitId: string;
  kind: ReportKind;
  /** `2025-03`, `2025-Q1` … as the report was asked for. */
  periodId: string;
  templateId: string;
  format: 'docx' | 'html' | 'txt' | 'md';
  /** The items the report listed. */
  itemIds: string[];
  /** Who exported it. */
  userId: string;
  createdAt: string;
}

/** The storage port: the server's services talk to this, and each database has an adapter. */
export interface Storage {
  addUnit(unit: UnitProfile): Promise<Unit>;
  getUnit(unitId: string): Promise<Unit | undefined>;
  addUser(user: Omit<User, 'createdAt' | 'revokedAt'>, tokenHash: string): Promise<User>;
  findUserByTokenHash(tokenHash: string): Promise<User | undefined>;
  listUnits(): Promise<Unit[]>;
  /** Every user, or those of one unit, in the order they were added. */
  listUsers(unitId?: string): Promise<User[]>;
  /** Marks the user's token revoked (once: a second revocation keeps the first time). */
  revokeUser(userId: string): Promise<User | undefined>;
  /**
   * Applies one push atomically, with the unit's other pushes of the moment in one transaction
   * (group commit); resolves to the unit's revision just after this push's own changes, and its epoch.
   */
  push(unitId: string, plan: PushPlan): Promise<PushResult>;
  /** The unit's whole state, read in one consistent snapshot. */
  exportUnit(unitId: string): Promise<UnitSnapshot | undefined>;
  /** Restores a unit that this database does not hold yet, atomically, under a new epoch. */
  importUnit(snapshot: UnitSnapshot): Promise<void>;
  /**
   * Gives the unit (or every unit) a new epoch, so that every client pulls it all again and pushes
   * all it holds: after the database was restored from a backup. Resolves to the ids renewed.
   */
  renewEpoch(unitId?: string): Promise<string[]>;
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
  /** The unit's settings for one kind of report; empty when it has none. */
  getReportSettings(unitId: string, kind: ReportKind): Promise<ReportSettings>;
  putReportSettings(unitId: string, kind: ReportKind, settings: ReportSettings, userId: string): Promise<void>;
  addReportRecord(record: ReportRecord): Promise<void>;
  /** The unit's exported reports, newest first; all of them without a limit. */
  listReportRecords(unitId: string, limit?: number): Promise<ReportRecord[]>;
  /** Stores `document` as the next version of the unit's configuration of that kind. */
  putConfig(unitId: string, kind: UnitConfigKind, document: unknown, userId: string): Promise<ConfigVersionInfo>;
  /** One version of a configuration document, the latest without `version`; none if the unit has none. */
  getConfig(unitId: string, kind: UnitConfigKind, version?: number): Promise<ConfigVersion | undefined>;
  /** The versions of one kind of document, newest first. */
  listConfigVersions(unitId: string, kind: UnitConfigKind): Promise<ConfigVersionInfo[]>;
  /** The latest version of each kind the unit has replaced, in one read. */
  currentConfig(unitId: string): Promise<ConfigVersion[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class DuplicateError extends Error {}
export class NotFoundError extends Error {}
