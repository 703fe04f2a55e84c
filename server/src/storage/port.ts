import type { ItemRecord, ReportKind, ReportSettings, UnitProfile } from '@gom/shared';

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

/** What one sync transaction may read and write; every call is scoped by the token's unit. */
export interface SyncTransaction {
  hasMutation(unitId: string, mutationId: string): Promise<boolean>;
  recordMutation(unitId: string, mutationId: string, clientId: string): Promise<void>;
  getItem(unitId: string, itemId: string): Promise<StoredItem | undefined>;
  /** Saves the item under the unit's next revision and returns that revision. */
  putItem(unitId: string, item: Omit<StoredItem, 'rev'>): Promise<number>;
  currentRev(unitId: string): Promise<number>;
}

/** A mutation id the unit has applied, kept so that a replay changes nothing. */
export interface AppliedMutation {
  mutationId: string;
  clientId: string;
  appliedAt: string;
}

/** Everything a unit holds, as `gom export` writes it and `gom import` reads it back. */
export interface UnitSnapshot {
  unit: Unit & { rev: number };
  users: Array<User & { tokenHash: string }>;
  items: StoredItem[];
  mutations: AppliedMutation[];
}

export interface PullPage {
  items: StoredItem[];
  cursor: number;
  hasMore: boolean;
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
   * Runs `work` atomically for one unit: all its writes land, or none do, and no other transaction
   * of that unit runs in between, in this process or any other on the same database.
   */
  transaction<T>(unitId: string, work: (tx: SyncTransaction) => Promise<T>): Promise<T>;
  /** The unit's whole state, read in one consistent snapshot. */
  exportUnit(unitId: string): Promise<UnitSnapshot | undefined>;
  /** Restores a unit that this database does not hold yet, atomically. */
  importUnit(snapshot: UnitSnapshot): Promise<void>;
  pullItems(unitId: string, since: number, limit: number): Promise<PullPage>;
  /** Items whose `occurredOn` lies in [from, to] (ISO dates, inclusive), tombstones included. */
  itemsOccurringBetween(unitId: string, from: string, to: string): Promise<StoredItem[]>;
  /** The unit's settings for one kind of report; empty when it has none. */
  getReportSettings(unitId: string, kind: ReportKind): Promise<ReportSettings>;
  putReportSettings(unitId: string, kind: ReportKind, settings: ReportSettings, userId: string): Promise<void>;
  addReportRecord(record: ReportRecord): Promise<void>;
  /** The unit's exported reports, newest first. */
  listReportRecords(unitId: string, limit: number): Promise<ReportRecord[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class DuplicateError extends Error {}
export class NotFoundError extends Error {}
