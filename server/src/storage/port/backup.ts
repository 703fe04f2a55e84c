import type { ConfigVersion } from './config';
import type { AppliedMutation, StoredItem } from './items';
import type { ReportRecord, StoredReportSettings } from './reports';
import type { Unit } from './units';
import type { User } from './users';

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

/** A unit's whole state taken out and put back, and the epoch that tells clients it was put back. */
export interface BackupStore {
  /** The unit's whole state, read in one consistent snapshot. */
  exportUnit(unitId: string): Promise<UnitSnapshot | undefined>;
  /** Restores a unit that this database does not hold yet, atomically, under a new epoch. */
  importUnit(snapshot: UnitSnapshot): Promise<void>;
  /**
   * Gives the unit (or every unit) a new epoch, so that every client pulls it all again and pushes
   * all it holds: after the database was restored from a backup. Resolves to the ids renewed.
   */
  renewEpoch(unitId?: string): Promise<string[]>;
}
