import type Database from 'better-sqlite3';
import { repackedClocks } from '../machinery/rows';

/** A step of the schema: SQL, or, where SQL cannot say it, a function run in the same transaction. */
export type SqliteMigration = string | ((db: Database.Database) => void);

interface OldClocksRow {
  unit_id: string;
  id: string;
  fields: string;
  clocks: string;
}

/**
 * Packs the clocks of the rows written before they were packed (every field's clock; docs/sync.md),
 * a page at a time by primary key. The items are unchanged, so no revision moves.
 */
function packOldClocks(db: Database.Database): void {
  const page = db.prepare(`SELECT unit_id, id, fields, clocks FROM items
    WHERE (unit_id, id) > (?, ?) AND json_type(clocks, '$."*"') IS NULL ORDER BY unit_id, id LIMIT 500`);
  const save = db.prepare('UPDATE items SET clocks = ? WHERE unit_id = ? AND id = ?');
  let after = ['', ''];
  for (;;) {
    const rows = page.all(...after) as OldClocksRow[];
    if (rows.length === 0) return;
    for (const row of rows) {
      const packed = repackedClocks(JSON.parse(row.fields), JSON.parse(row.clocks));
      if (packed) save.run(JSON.stringify(packed), row.unit_id, row.id);
    }
    const last = rows.at(-1)!;
    after = [last.unit_id, last.id];
  }
}

/** Applied in order, each once; a migration is never edited after it has shipped, only followed. */
export const sqliteMigrations: SqliteMigration[] = [
  `
  CREATE TABLE units (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    parent_agency TEXT NOT NULL,
    agency TEXT NOT NULL,
    abbreviation TEXT NOT NULL,
    place TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL REFERENCES units(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('member', 'editor', 'admin')),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  ) STRICT;

  CREATE TABLE items (
    unit_id TEXT NOT NULL REFERENCES units(id),
    id TEXT NOT NULL,
    rev INTEGER NOT NULL,
    author_id TEXT,
    fields TEXT NOT NULL,
    clocks TEXT NOT NULL,
    occurred_on TEXT,
    PRIMARY KEY (unit_id, id)
  ) STRICT;
  CREATE UNIQUE INDEX items_by_rev ON items (unit_id, rev);
  CREATE INDEX items_by_date ON items (unit_id, occurred_on);

  CREATE TABLE mutations (
    unit_id TEXT NOT NULL,
    mutation_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (unit_id, mutation_id)
  ) STRICT;
  `,
  // Report settings per unit and kind, and the history of exported reports.
  `
  CREATE TABLE report_settings (
    unit_id TEXT NOT NULL REFERENCES units(id),
    kind TEXT NOT NULL,
    settings TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (unit_id, kind)
  ) STRICT;

  CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL REFERENCES units(id),
    kind TEXT NOT NULL,
    period_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    format TEXT NOT NULL,
    item_ids TEXT NOT NULL,
    user_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX reports_by_unit ON reports (unit_id, created_at);
  `,
  // Versions of each unit's configuration documents (taxonomy, rules, leads, templates, metrics).
  `
  CREATE TABLE unit_config (
    unit_id TEXT NOT NULL REFERENCES units(id),
    kind TEXT NOT NULL,
    version INTEGER NOT NULL,
    document TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (unit_id, kind, version)
  ) STRICT;
  `,
  // Each unit's epoch (docs/sync.md): a new one tells the clients that the unit's revisions started
  // over from a restored backup. Inserts always give one; '' is only the column's way in.
  `
  ALTER TABLE units ADD COLUMN epoch TEXT NOT NULL DEFAULT '';
  UPDATE units SET epoch = lower(hex(randomblob(16)));
  `,
  // Clocks in one stored form, packed (docs/sync.md).
  packOldClocks,
];
