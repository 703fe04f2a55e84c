import type { BackupStore } from './backup';
import type { ConfigStore } from './config';
import type { ItemStore } from './items';
import type { ReportStore } from './reports';
import type { UnitStore } from './units';
import type { UserStore } from './users';

export type { BackupStore, UnitSnapshot } from './backup';
export type { ConfigStore, ConfigVersion, ConfigVersionInfo } from './config';
export type {
  AppliedMutation,
  BatchRead,
  ItemStore,
  ItemsPageJson,
  PullPage,
  PullPageJson,
  PushChanges,
  PushPlan,
  PushResult,
  StoredItem,
} from './items';
export type { ReportRecord, ReportStore, StoredReportSettings } from './reports';
export type { Unit, UnitStore } from './units';
export { type Role, roles, type User, type UserStore } from './users';

/**
 * The storage port: the server's services talk to this, and each database has an adapter, which
 * assembles one store per aggregate into it.
 */
export interface Storage extends UnitStore, UserStore, ItemStore, ReportStore, ConfigStore, BackupStore {
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class DuplicateError extends Error {}
export class NotFoundError extends Error {}
