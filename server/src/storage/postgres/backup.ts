import type pg from 'pg';
import type { BackupStore, UnitSnapshot } from '../port';
import { type BackupPart, inTransaction } from './connection';
import type { postgresUnits } from './units';

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
export function postgresBackup(pool: pg.Pool, units: ReturnType<typeof postgresUnits>, parts: BackupParts) {
  const store: BackupStore = {
    exportUnit: (unitId) =>
      inTransaction(pool, async (client): Promise<UnitSnapshot | undefined> => {
        // One snapshot for all the reads, so a push in between cannot tear the backup.
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const unit = await units.backup.read(client, unitId);
        if (!unit) return undefined;
        return {
          unit,
          ...(await parts.users.read(client, unitId)),
          ...(await parts.items.read(client, unitId)),
          ...(await parts.reports.read(client, unitId)),
          ...(await parts.config.read(client, unitId)),
        };
      }),
    importUnit: (snapshot) =>
      inTransaction(pool, async (client) => {
        const unitId = snapshot.unit.id;
        await units.backup.write(client, snapshot.unit);
        await parts.users.write(client, unitId, snapshot);
        await parts.items.write(client, unitId, snapshot);
        await parts.reports.write(client, unitId, snapshot);
        await parts.config.write(client, unitId, snapshot);
      }),
    renewEpoch: async (unitId) =>
      (
        await pool.query<{ id: string }>(
          'UPDATE units SET epoch = gen_random_uuid()::text WHERE $1::text IS NULL OR id = $1 RETURNING id',
          [unitId ?? null],
        )
      ).rows
        .map((r) => r.id)
        .sort(),
  };
  return { store };
}
