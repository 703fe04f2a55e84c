import type { UnitConfigKind } from '@gom/shared';

/**
 * One version of one of a unit's configuration documents (taxonomy, rules, leads, templates,
 * metrics, model). Versions are never changed: each replacement is the next version, and the
 * highest is the one in use. Only the learned model's oldest versions are removed (`pruneConfig`):
 * it gets a version each time the officers' lessons reach it.
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

/** The versions of each unit's configuration documents. */
export interface ConfigStore {
  /** Stores `document` as the next version of the unit's configuration of that kind. */
  putConfig(unitId: string, kind: UnitConfigKind, document: unknown, userId: string): Promise<ConfigVersionInfo>;
  /** One version of a configuration document, the latest without `version`; none if the unit has none. */
  getConfig(unitId: string, kind: UnitConfigKind, version?: number): Promise<ConfigVersion | undefined>;
  /** The versions of one kind of document, newest first. */
  listConfigVersions(unitId: string, kind: UnitConfigKind): Promise<ConfigVersionInfo[]>;
  /** The latest version of each kind the unit has replaced, in one read. */
  currentConfig(unitId: string): Promise<ConfigVersion[]>;
  /** Removes all but the `keep` latest versions of one kind of document; how many went. */
  pruneConfig(unitId: string, kind: UnitConfigKind, keep: number): Promise<number>;
}
