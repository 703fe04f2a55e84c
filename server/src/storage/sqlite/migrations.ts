/** Applied in order, each once; a migration is never edited after it has shipped, only followed. */
export const sqliteMigrations: string[] = [
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
];
