import type { Storage } from '../port';
import { postgresBackup } from './backup';
import { postgresConfig } from './config';
import { connectPostgres, type PostgresOptions } from './connection';
import { postgresItems } from './items';
import { postgresReports } from './reports';
import { postgresUnits } from './units';
import { postgresUsers } from './users';

export type { PostgresOptions } from './connection';

/**
 * The adapter for large deployments: a pool of connections to PostgreSQL, safe with several Gom
 * processes on one database. A push locks its unit's row (`SELECT … FOR UPDATE`) for the whole
 * transaction, so revisions of a unit are handed out and committed one transaction at a time.
 */
export async function openPostgresStorage(options: PostgresOptions): Promise<Storage> {
  const pool = await connectPostgres(options);
  const units = postgresUnits(pool);
  const users = postgresUsers(pool, options);
  const items = postgresItems(pool, options);
  const reports = postgresReports(pool);
  const config = postgresConfig(pool);
  const backup = postgresBackup(pool, units, {
    users: users.backup,
    items: items.backup,
    reports: reports.backup,
    config: config.backup,
  });

  return {
    ...units.store,
    ...users.store,
    ...items.store,
    ...reports.store,
    ...config.store,
    ...backup.store,
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: async () => {
      await pool.end();
    },
  };
}
