import { type ConfigRow, toConfig, toConfigInfo } from '../machinery/rows';
import type { ConfigStore } from '../port';
import type { BackupPart, SqliteConnection } from './connection';

export function sqliteConfig({ db, serial, write }: SqliteConnection) {
  const stmt = {
    // The next version is counted inside the INSERT: SQLite's single writer makes two
    // replacements take turns for it.
    put: db.prepare(`
      INSERT INTO unit_config (unit_id, kind, version, document, created_by, created_at)
      SELECT ?, ?, COALESCE(MAX(version), 0) + 1, ?, ?, ? FROM unit_config WHERE unit_id = ? AND kind = ?
      RETURNING kind, version, created_by, created_at`),
    add: db.prepare(
      'INSERT INTO unit_config (unit_id, kind, version, document, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    latest: db.prepare('SELECT * FROM unit_config WHERE unit_id = ? AND kind = ? ORDER BY version DESC LIMIT 1'),
    version: db.prepare('SELECT * FROM unit_config WHERE unit_id = ? AND kind = ? AND version = ?'),
    versions: db.prepare(
      'SELECT kind, version, created_by, created_at FROM unit_config WHERE unit_id = ? AND kind = ? ORDER BY version DESC',
    ),
    current: db.prepare(`
      SELECT * FROM unit_config c WHERE unit_id = ?
        AND version = (SELECT MAX(version) FROM unit_config WHERE unit_id = c.unit_id AND kind = c.kind)
      ORDER BY kind`),
    ofUnit: db.prepare('SELECT * FROM unit_config WHERE unit_id = ? ORDER BY kind, version'),
    prune: db.prepare(`
      DELETE FROM unit_config WHERE unit_id = ? AND kind = ?
        AND version <= (SELECT MAX(version) FROM unit_config WHERE unit_id = ? AND kind = ?) - ?`),
  };

  const store: ConfigStore = {
    putConfig: (unitId, kind, document, userId) =>
      write(() =>
        toConfigInfo(
          stmt.put.get(
            unitId,
            kind,
            JSON.stringify(document),
            userId,
            new Date().toISOString(),
            unitId,
            kind,
          ) as ConfigRow,
        ),
      ),
    getConfig: (unitId, kind, version) =>
      serial(() => {
        const row = (version === undefined ? stmt.latest.get(unitId, kind) : stmt.version.get(unitId, kind, version)) as
          | ConfigRow
          | undefined;
        return row && toConfig(row);
      }),
    listConfigVersions: (unitId, kind) =>
      serial(() => (stmt.versions.all(unitId, kind) as ConfigRow[]).map(toConfigInfo)),
    currentConfig: (unitId) => serial(() => (stmt.current.all(unitId) as ConfigRow[]).map(toConfig)),
    pruneConfig: (unitId, kind, keep) => write(() => stmt.prune.run(unitId, kind, unitId, kind, keep).changes),
  };

  const backup: BackupPart<'config'> = {
    read: (unitId) => ({ config: (stmt.ofUnit.all(unitId) as ConfigRow[]).map(toConfig) }),
    write: (unitId, { config }) => {
      for (const c of config) {
        stmt.add.run(unitId, c.kind, c.version, JSON.stringify(c.document), c.createdBy, c.createdAt);
      }
    },
  };

  return { store, backup };
}
