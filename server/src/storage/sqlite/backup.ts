import { randomUUID } from 'node:crypto';
import type { BackupStore, UnitSnapshot } from '../port';
import type { BackupPart, SqliteConnection } from './connection';
import type { sqliteUnits } from './units';

/** What each aggregate keeps of a unit's backup, besides the unit's own row. */
interface BackupParts {
  users: BackupPart<'users'>;
  items: BackupPart<'items' | 'mutations'>;
  reports: BackupPart<'reportSettings' | 'reports'>;
  config: BackupPart<'config'>;
}

/**
 * A unit's backup, read and restored in one transaction through the part each aggregate keeps of
 * it; and the new epoch of a restored unit.
 */
export function sqliteBackup(
  { db, serial, write }: SqliteConnection,
  units: ReturnType<typeof sqliteUnits>,
  parts: BackupParts,
) {
  const setEpoch = db.prepare('UPDATE units SET epoch = ? WHERE id = ?');
  /** New epochs for these units; returns the ids of those that exist. */
  const renew = (unitIds: string[]) =>
    db.transaction(() => unitIds.filter((id) => setEpoch.run(randomUUID(), id).changes > 0))();

  const store: BackupStore = {
    exportUnit: (unitId) =>
      serial(() =>
        // A deferred transaction reads one snapshot even while another process writes (WAL).
        db.transaction((): UnitSnapshot | undefined => {
          const unit = units.backup.read(unitId);
          if (!unit) return undefined;
          return {
            unit,
            ...parts.users.read(unitId),
            ...parts.items.read(unitId),
            ...parts.reports.read(unitId),
            ...parts.config.read(unitId),
          };
        })(),
      ),
    importUnit: (snapshot) =>
      write(() =>
        db.transaction(() => {
          const unitId = snapshot.unit.id;
          units.backup.write(snapshot.unit);
          parts.users.write(unitId, snapshot);
          parts.items.write(unitId, snapshot);
          parts.reports.write(unitId, snapshot);
          parts.config.write(unitId, snapshot);
        })(),
      ),
    renewEpoch: (unitId) => write(() => renew(unitId === undefined ? units.states().map((u) => u.id) : [unitId])),
  };

  return { store, renew };
}
