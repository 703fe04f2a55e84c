import type pg from 'pg';
import { repackedClocks } from '../machinery/rows';
import type { StoredItem } from '../port';

/** A step of the schema: SQL, or, where SQL cannot say it, a function run in the same transaction. */
export type PostgresMigration = string | ((client: pg.PoolClient) => Promise<void>);

/**
 * Packs the clocks of the rows written before they were packed (every field's clock; docs/sync.md),
 * a page at a time by primary key, each page's rows in one statement. The items are unchanged, so
 * no revision moves.
 */
async function packOldClocks(client: pg.PoolClient): Promise<void> {
  let after = ['', ''];
  for (;;) {
    const { rows } = await client.query<Pick<StoredItem, 'id' | 'fields' | 'clocks'> & { unit_id: string }>(
      `SELECT id, unit_id, fields, clocks FROM items WHERE (id, unit_id) > ($1, $2) AND clocks->>'*' IS NULL
       ORDER BY id, unit_id LIMIT 500`,
      after,
    );
    if (rows.length === 0) return;
    const packed = rows.flatMap(({ id, unit_id, fields, clocks }) => {
      const repacked = repackedClocks(fields, clocks);
      return repacked ? [{ id, unit_id, clocks: repacked }] : [];
    });
    if (packed.length > 0) {
      await client.query(
        `UPDATE items SET clocks = r.clocks FROM json_to_recordset($1::json) AS r(id text, unit_id text, clocks json)
         WHERE items.id = r.id AND items.unit_id = r.unit_id`,
        [JSON.stringify(packed)],
      );
    }
    const last = rows.at(-1)!;
    after = [last.id, last.unit_id];
  }
}

/**
 * Applied in order, each once; a migration is never edited after it has shipped, only followed.
 * Times are ISO text as in SQLite, so a backup reads the same from either adapter.
 */
export const postgresMigrations: PostgresMigration[] = [
  `
  CREATE TABLE units (
    id text PRIMARY KEY,
    name text NOT NULL,
    parent_agency text NOT NULL,
    agency text NOT NULL,
    abbreviation text NOT NULL,
    place text NOT NULL,
    rev bigint NOT NULL DEFAULT 0,
    created_at text NOT NULL
  );

  CREATE TABLE users (
    id text PRIMARY KEY,
    unit_id text NOT NULL REFERENCES units(id),
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('member', 'editor', 'admin')),
    token_hash text NOT NULL UNIQUE,
    created_at text NOT NULL,
    revoked_at text
  );
  CREATE INDEX users_by_unit ON users (unit_id, created_at, id);

  CREATE TABLE items (
    unit_id text NOT NULL REFERENCES units(id),
    id text NOT NULL,
    rev bigint NOT NULL,
    author_id text,
    fields jsonb NOT NULL,
    clocks jsonb NOT NULL,
    occurred_on text,
    PRIMARY KEY (unit_id, id)
  );
  CREATE UNIQUE INDEX items_by_rev ON items (unit_id, rev);
  CREATE INDEX items_by_date ON items (unit_id, occurred_on);

  CREATE TABLE mutations (
    unit_id text NOT NULL,
    mutation_id text NOT NULL,
    client_id text NOT NULL,
    applied_at text NOT NULL,
    PRIMARY KEY (unit_id, mutation_id)
  );
  `,
  // Report settings per unit and kind, and the history of exported reports.
  `
  CREATE TABLE report_settings (
    unit_id text NOT NULL REFERENCES units(id),
    kind text NOT NULL,
    settings jsonb NOT NULL,
    updated_by text NOT NULL,
    updated_at text NOT NULL,
    PRIMARY KEY (unit_id, kind)
  );

  CREATE TABLE reports (
    id text PRIMARY KEY,
    unit_id text NOT NULL REFERENCES units(id),
    kind text NOT NULL,
    period_id text NOT NULL,
    template_id text NOT NULL,
    format text NOT NULL,
    item_ids jsonb NOT NULL,
    user_id text NOT NULL,
    created_at text NOT NULL
  );
  CREATE INDEX reports_by_unit ON reports (unit_id, created_at);
  `,
  // Versions of each unit's configuration documents (taxonomy, rules, leads, templates, metrics);
  // the document is kept as the text that was sent, so that a version reads back as it was written.
  `
  CREATE TABLE unit_config (
    unit_id text NOT NULL REFERENCES units(id),
    kind text NOT NULL,
    version integer NOT NULL,
    document text NOT NULL,
    created_by text NOT NULL,
    created_at text NOT NULL,
    PRIMARY KEY (unit_id, kind, version)
  );
  `,
  // A push looks its mutation ids and item ids up by id. Keyed unit first, the planner, short of
  // statistics (a new or fast-growing table), took the unit alone as the index condition and
  // filtered every row of the unit: a read that grew with the unit (measured). Keyed id first, each
  // id is one index descent.
  `
  ALTER TABLE mutations DROP CONSTRAINT mutations_pkey, ADD PRIMARY KEY (mutation_id, unit_id);
  ALTER TABLE items DROP CONSTRAINT items_pkey, ADD PRIMARY KEY (id, unit_id);
  `,
  // An item's fields and clocks are only stored and handed back whole, never queried inside: kept
  // as the JSON text Gom wrote (json), not taken apart and printed again (jsonb): printing jsonb was
  // most of PostgreSQL's time for a pull's page (measured).
  `
  ALTER TABLE items ALTER COLUMN fields TYPE json USING fields::json, ALTER COLUMN clocks TYPE json USING clocks::json;
  `,
  // Each unit's epoch (docs/sync.md): a new one tells the clients that the unit's revisions started
  // over from a restored backup. Inserts always give one.
  `
  ALTER TABLE units ADD COLUMN epoch text NOT NULL DEFAULT '';
  UPDATE units SET epoch = gen_random_uuid()::text;
  ALTER TABLE units ALTER COLUMN epoch DROP DEFAULT;
  `,
  // Clocks in one stored form, packed (docs/sync.md).
  packOldClocks,
];
