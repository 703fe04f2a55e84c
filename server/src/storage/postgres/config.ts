import type pg from 'pg';
import { type ConfigRow, toConfig, toConfigInfo } from '../machinery/rows';
import type { ConfigStore } from '../port';
import { type BackupPart, inTransaction } from './connection';

export function postgresConfig(pool: pg.Pool) {
  const store: ConfigStore = {
    putConfig: (unitId, kind, document, userId) =>
      inTransaction(pool, async (client) => {
        // The unit's row lock makes two administrators' replacements take turns for the next version.
        await client.query('SELECT 1 FROM units WHERE id = $1 FOR UPDATE', [unitId]);
        const { rows } = await client.query<ConfigRow>(
          `INSERT INTO unit_config (unit_id, kind, version, document, created_by, created_at)
           SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5 FROM unit_config WHERE unit_id = $1 AND kind = $2
           RETURNING kind, version, created_by, created_at`,
          [unitId, kind, JSON.stringify(document), userId, new Date().toISOString()],
        );
        return toConfigInfo(rows[0]!);
      }),
    getConfig: async (unitId, kind, version) => {
      const { rows } =
        version === undefined
          ? await pool.query<ConfigRow>(
              'SELECT * FROM unit_config WHERE unit_id = $1 AND kind = $2 ORDER BY version DESC LIMIT 1',
              [unitId, kind],
            )
          : await pool.query<ConfigRow>('SELECT * FROM unit_config WHERE unit_id = $1 AND kind = $2 AND version = $3', [
              unitId,
              kind,
              version,
            ]);
      return rows[0] && toConfig(rows[0]);
    },
    listConfigVersions: async (unitId, kind) =>
      (
        await pool.query<ConfigRow>(
          'SELECT kind, version, created_by, created_at FROM unit_config WHERE unit_id = $1 AND kind = $2 ORDER BY version DESC',
          [unitId, kind],
        )
      ).rows.map(toConfigInfo),
    currentConfig: async (unitId) =>
      (
        await pool.query<ConfigRow>(
          'SELECT DISTINCT ON (kind) * FROM unit_config WHERE unit_id = $1 ORDER BY kind, version DESC',
          [unitId],
        )
      ).rows.map(toConfig),
    pruneConfig: async (unitId, kind, keep) =>
      (
        await pool.query(
          `DELETE FROM unit_config WHERE unit_id = $1 AND kind = $2
             AND version <= (SELECT MAX(version) FROM unit_config WHERE unit_id = $1 AND kind = $2) - $3`,
          [unitId, kind, keep],
        )
      ).rowCount ?? 0,
  };

  const backup: BackupPart<'config'> = {
    read: async (client, unitId) => ({
      config: (
        await client.query<ConfigRow>('SELECT * FROM unit_config WHERE unit_id = $1 ORDER BY kind, version', [unitId])
      ).rows.map(toConfig),
    }),
    write: async (client, unitId, { config }) => {
      for (const c of config) {
        await client.query(
          'INSERT INTO unit_config (unit_id, kind, version, document, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [unitId, c.kind, c.version, JSON.stringify(c.document), c.createdBy, c.createdAt],
        );
      }
    },
  };

  return { store, backup };
}
