import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTaxonomy, SHARED_CLOCK } from '@gom/shared';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testPgUrl } from '../test-support';
import type { Storage, StoredItem } from './port';
import { openPostgresStorage } from './postgres';
import { postgresMigrations } from './postgres/migrations';
import { openSqliteStorage } from './sqlite';
import { sqliteMigrations } from './sqlite/migrations';

const unit = defaultTaxonomy.unit;
const clip = '1700000000000-0000-clientA';
const edit = '1700000000009-0000-clientB';

/**
 * Items as a server from before packing stored them, every field's clock in the row, and what a
 * packing server stores for each. The last two are packed already: no two fields share a clock,
 * or a field has none.
 */
const oldItems: Array<{ item: StoredItem; stored: object }> = [
  {
    item: {
      id: '00000000-0000-4000-8000-000000000001',
      rev: 1,
      authorId: 'u1',
      fields: { text: 'Báo cáo quý I', kind: 'result', occurredOn: '2021-03-03', lead: 'Tham mưu' },
      clocks: { text: clip, kind: clip, occurredOn: clip, lead: edit },
    },
    stored: { [SHARED_CLOCK]: clip, lead: edit },
  },
  {
    item: {
      id: '00000000-0000-4000-8000-000000000002',
      rev: 2,
      authorId: null,
      fields: { text: 'Góp ý dự thảo', kind: 'result', deleted: true },
      clocks: { text: clip, kind: clip, deleted: edit },
    },
    stored: { [SHARED_CLOCK]: clip, deleted: edit },
  },
  {
    item: {
      id: '00000000-0000-4000-8000-000000000003',
      rev: 3,
      authorId: 'u1',
      fields: { text: 'Tiếp Đoàn', lead: 'Đối ngoại' },
      clocks: { text: clip, lead: edit },
    },
    stored: { text: clip, lead: edit },
  },
  {
    item: { id: '00000000-0000-4000-8000-000000000004', rev: 4, authorId: null, fields: { text: 'Lẻ' }, clocks: {} },
    stored: {},
  },
];
/** The migrations a server from before packing had run: those before the one that packs. */
const shippedBefore = (migrations: unknown[]) => migrations.length - 1;

/** The items a storage holds, clocks whole, as its readers see them. */
const itemsOf = async (storage: Storage) => (await storage.pullItems(unit.id, 0, 100)).items;

describe('a SQLite file from before clocks were packed', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gom-migrate-'));
    path = join(dir, 'gom.db');
    // The file as the older server left it: its schema, its migrations recorded, its rows.
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
    sqliteMigrations.slice(0, shippedBefore(sqliteMigrations)).forEach((sql, index) => {
      if (typeof sql !== 'string') throw new Error('a migration shipped before packing is SQL');
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(index + 1, '2026-12-01T00:00:00.000Z');
    });
    db.prepare(
      `INSERT INTO units (id, name, parent_agency, agency, abbreviation, place, rev, created_at, epoch)
       VALUES (?, ?, ?, ?, ?, ?, 4, ?, 'e1')`,
    ).run(unit.id, unit.name, unit.parentAgency, unit.agency, unit.abbreviation, unit.place, '2026-12-01');
    const insert = db.prepare('INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const { item } of oldItems) {
      const { id, rev, authorId, fields, clocks } = item;
      insert.run(unit.id, id, rev, authorId, JSON.stringify(fields), JSON.stringify(clocks), fields.occurredOn ?? null);
    }
    db.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const storedClocks = () => {
    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT id, clocks FROM items ORDER BY rev').all() as Array<{ clocks: string }>;
    db.close();
    return rows.map((row) => JSON.parse(row.clocks));
  };

  it('is migrated: every row packed, the items, their revisions and the epoch as they were', async () => {
    const storage = openSqliteStorage(path);
    try {
      expect(await itemsOf(storage)).toEqual(oldItems.map(({ item }) => item));
      expect((await storage.pullItemsJson(unit.id, 0, 100)).epoch).toBe('e1');
    } finally {
      await storage.close();
    }
    expect(storedClocks()).toEqual(oldItems.map(({ stored }) => stored));
    // Opened again, nothing left to do.
    const again = openSqliteStorage(path);
    await again.close();
    expect(storedClocks()).toEqual(oldItems.map(({ stored }) => stored));
  });
});

describe.skipIf(!testPgUrl)('a PostgreSQL schema from before clocks were packed', () => {
  let schema: string;
  let admin: pg.Client;
  beforeEach(async () => {
    schema = `gom_migrate_${randomBytes(6).toString('hex')}`;
    admin = new pg.Client({ connectionString: testPgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
    await admin.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)');
    for (const [index, sql] of postgresMigrations.slice(0, shippedBefore(postgresMigrations)).entries()) {
      if (typeof sql !== 'string') throw new Error('a migration shipped before packing is SQL');
      await admin.query(sql);
      await admin.query('INSERT INTO schema_migrations VALUES ($1, $2)', [index + 1, '2026-12-01T00:00:00.000Z']);
    }
    await admin.query(
      `INSERT INTO units (id, name, parent_agency, agency, abbreviation, place, rev, created_at, epoch)
       VALUES ($1, $2, $3, $4, $5, $6, 4, '2026-12-01', 'e1')`,
      [unit.id, unit.name, unit.parentAgency, unit.agency, unit.abbreviation, unit.place],
    );
    for (const { item } of oldItems) {
      const { id, rev, authorId, fields, clocks } = item;
      await admin.query('INSERT INTO items VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        unit.id,
        id,
        rev,
        authorId,
        JSON.stringify(fields),
        JSON.stringify(clocks),
        fields.occurredOn ?? null,
      ]);
    }
  });
  afterEach(async () => {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });

  const storedClocks = async () =>
    (await admin.query<{ clocks: object }>('SELECT clocks FROM items ORDER BY rev')).rows.map((row) => row.clocks);
  const open = () => openPostgresStorage({ connectionString: testPgUrl!, schema, maxConnections: 2 });

  it('is migrated: every row packed, the items, their revisions and the epoch as they were', async () => {
    const storage = await open();
    try {
      expect(await itemsOf(storage)).toEqual(oldItems.map(({ item }) => item));
      expect((await storage.pullItemsJson(unit.id, 0, 100)).epoch).toBe('e1');
    } finally {
      await storage.close();
    }
    expect(await storedClocks()).toEqual(oldItems.map(({ stored }) => stored));
    await (await open()).close();
    expect(await storedClocks()).toEqual(oldItems.map(({ stored }) => stored));
  });
});
