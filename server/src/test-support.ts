import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTaxonomy } from '@gom/shared';
import pg from 'pg';
import { type AppOptions, createApp } from './app';
import type { Role, Storage } from './storage/port';
import { openPostgresStorage } from './storage/postgres';
import { openSqliteStorage } from './storage/sqlite';
import { hashToken, newToken } from './tokens';

/** A storage the tests own: `reopen` is a server restart on the same data; `dispose` removes it all. */
export interface TestDatabase {
  storage: Storage;
  /** The `gom` flags that open this same database from another process. */
  cliArgs: string[];
  reopen(): Promise<Storage>;
  dispose(): Promise<void>;
}

export interface TestAdapter {
  name: 'sqlite' | 'postgres';
  open(): Promise<TestDatabase>;
}

const sqliteAdapter: TestAdapter = {
  name: 'sqlite',
  async open() {
    const path = join(mkdtempSync(join(tmpdir(), 'gom-test-')), 'gom.db');
    const db: TestDatabase = {
      storage: openSqliteStorage(path),
      cliArgs: ['--db', path],
      async reopen() {
        await db.storage.close();
        db.storage = openSqliteStorage(path);
        return db.storage;
      },
      dispose: () => db.storage.close(),
    };
    return db;
  },
};

/** A schema of its own for each database a test opens, so parallel test files never meet. */
export function postgresAdapter(url: string): TestAdapter {
  return {
    name: 'postgres',
    async open() {
      const schema = `gom_test_${randomBytes(6).toString('hex')}`;
      const open = () => openPostgresStorage({ connectionString: url, schema, maxConnections: 4 });
      const db: TestDatabase = {
        storage: await open(),
        cliArgs: ['--database-url', `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`],
        async reopen() {
          await db.storage.close();
          db.storage = await open();
          return db.storage;
        },
        async dispose() {
          await db.storage.close();
          const admin = new pg.Client({ connectionString: url });
          await admin.connect();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
      return db;
    },
  };
}

/** The PostgreSQL URL the suite also runs against, when the environment gives one. */
export const testPgUrl = process.env.GOM_TEST_PG_URL || undefined;

/** Every adapter the storage and API suites run against: SQLite always, PostgreSQL when configured. */
export const testAdapters: TestAdapter[] = [sqliteAdapter, ...(testPgUrl ? [postgresAdapter(testPgUrl)] : [])];

/** A fresh database on `adapter`, the default unit, and the app on top of it. */
export async function setUpServer(adapter: TestAdapter = sqliteAdapter, options: Omit<AppOptions, 'storage'> = {}) {
  const db = await adapter.open();
  const { storage } = db;
  await storage.addUnit(defaultTaxonomy.unit);
  const app = createApp({ storage, ...options });
  return {
    storage,
    app,
    dispose: () => db.dispose(),
    tokenFor: (unitId = defaultTaxonomy.unit.id, role: Role = 'member') => addToken(storage, unitId, role),
  };
}

export async function addToken(storage: Storage, unitId: string, role: Role = 'member'): Promise<string> {
  const token = newToken();
  await storage.addUser({ id: randomUUID(), unitId, name: `user ${role}`, role }, hashToken(token));
  return token;
}

/** Pushes one new item straight to the storage, as a client's first push of it would, past the app. */
export function pushNewItem(storage: Storage, unitId: string, text: string, mutationId: string) {
  const item = { id: randomUUID(), authorId: null, fields: { text }, clocks: {} };
  return storage.push(unitId, {
    clientId: 'c',
    mutationIds: [mutationId],
    itemIds: [item.id],
    merge: () => ({ items: [item], mutationIds: [mutationId] }),
  });
}
