import type { ItemRecord, UnitProfile } from '@gom/shared';

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

export interface PullPage {
  items: StoredItem[];
  cursor: number;
  hasMore: boolean;
}

/** The storage port: the server's services talk to this, and each database has an adapter. */
export interface Storage {
  addUnit(unit: UnitProfile): Promise<Unit>;
  getUnit(unitId: string): Promise<Unit | undefined>;
  addUser(user: Omit<User, 'createdAt' | 'revokedAt'>, tokenHash: string): Promise<User>;
  findUserByTokenHash(tokenHash: string): Promise<User | undefined>;
  /** Runs `work` atomically: all its writes land, or none do. */
  transaction<T>(work: (tx: SyncTransaction) => Promise<T>): Promise<T>;
  pullItems(unitId: string, since: number, limit: number): Promise<PullPage>;
  /** Items whose `occurredOn` lies in [from, to] (ISO dates, inclusive), tombstones included. */
  itemsOccurringBetween(unitId: string, from: string, to: string): Promise<StoredItem[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class DuplicateError extends Error {}
export class NotFoundError extends Error {}
