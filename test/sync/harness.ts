import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type GomDb, openGomDb } from '@gom/extension/store/db';
import type { Fetch } from '@gom/extension/sync/server-api';
import {
  type ClockPolicy,
  createApp,
  hashToken,
  healFutureClocks,
  newToken,
  openPostgresStorage,
  openSqliteStorage,
  type Storage,
  type UnitSnapshot,
} from '@gom/server';
import { DEFAULT_MAX_CLOCK_DRIFT_MS, defaultTaxonomy, type PushRequest } from '@gom/shared';

/** The PostgreSQL the suites also run against, when the environment gives one (as `.ci/run` does). */
export const testPgUrl = process.env.GOM_TEST_PG_URL || undefined;

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
// `pg` is the server's dependency, not the test package's: borrowed from there to drop the schema.
const pg = createRequire(resolve(import.meta.dirname, '../../server/package.json'))('pg') as {
  Client: new (options: { connectionString: string }) => PgClient;
};

interface ServerDatabase {
  open(): Promise<Storage>;
  remove(): Promise<void>;
  /** SQLite's file, which a file-level backup copies. */
  file?: string;
}

/** A SQLite file in a temp folder, or a PostgreSQL schema of its own (dropped afterwards). */
function serverDatabase(adapter: 'sqlite' | 'postgres'): ServerDatabase {
  if (adapter === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gom-sync-'));
    const file = join(dir, 'gom.db');
    return {
      open: async () => openSqliteStorage(file),
      remove: async () => rmSync(dir, { recursive: true, force: true }),
      file,
    };
  }
  if (!testPgUrl) throw new Error('GOM_TEST_PG_URL is not set');
  const url = testPgUrl;
  const schema = `gom_model_${randomBytes(6).toString('hex')}`;
  return {
    open: () => openPostgresStorage({ connectionString: url, schema, maxConnections: 2 }),
    async remove() {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** What goes wrong between a client and the server on one request. */
export type Fault = 'none' | 'requestLost' | 'responseLost' | 'duplicated';

/**
 * The real Hono app on a real SQLite file (or PostgreSQL schema), reached through a `fetch` that
 * can lose the request, lose the response after the server committed, or deliver the request
 * twice; `restart` closes the database and opens it again, as a server process restart would;
 * `backUp` exports the unit, and `restore` puts the last backup into a new database with `gom import`'s code.
 */
export async function startFaultyServer(adapter: 'sqlite' | 'postgres' = 'sqlite', clock: Partial<ClockPolicy> = {}) {
  // The server's clock: the model's own time, when it runs one.
  const policy: ClockPolicy = { now: Date.now, maxClockDriftMs: DEFAULT_MAX_CLOCK_DRIFT_MS, ...clock };
  let database = serverDatabase(adapter);
  let backup: UnitSnapshot | undefined;
  let storage: Storage = await database.open();
  await storage.addUnit(defaultTaxonomy.unit);
  const token = newToken();
  await storage.addUser(
    { id: randomUUID(), unitId: defaultTaxonomy.unit.id, name: 'model', role: 'member' },
    hashToken(token),
  );
  const newApp = () => createApp({ storage, ...policy });
  // The clock each mutation id was first accepted with: a write the server refused is stamped again.
  const accepted = new Map<string, string>();
  let app = newApp();

  const fetchWith =
    (nextFault: () => Fault): Fetch =>
    async (input, init) => {
      const fault = nextFault();
      if (fault === 'requestLost') throw new TypeError('fetch failed: request lost');
      const url = new URL(String(input));
      const send = async () => {
        const response = await app.request(`${url.pathname}${url.search}`, init);
        if (url.pathname === '/v1/sync/push' && response.ok) {
          for (const m of (JSON.parse(String(init?.body)) as PushRequest).mutations) {
            if (!accepted.has(m.mutationId)) accepted.set(m.mutationId, m.hlc);
          }
        }
        return response;
      };
      const response = await send();
      if (fault === 'responseLost') {
        await response.arrayBuffer();
        throw new TypeError('fetch failed: response lost');
      }
      if (fault === 'duplicated') {
        await response.arrayBuffer();
        return send();
      }
      return response;
    };

  return {
    serverUrl: 'http://gom.test',
    token,
    get storage() {
      return storage;
    },
    fetchWith,
    accepted,
    /** The server process restarted, as `gom serve` starts: clocks ahead of its time brought back first. */
    async restart() {
      await storage.close();
      storage = await database.open();
      await healFutureClocks(storage, policy);
      app = newApp();
    },
    /** The drift the server allows from now on (a server from before the bound allowed any). */
    setMaxClockDrift(ms: number) {
      policy.maxClockDriftMs = ms;
      app = newApp();
    },
    /**
     * SQLite: a copy of the database file and of the revision marks beside it, made while the server
     * is stopped; resolves to the copy's path.
     */
    async copyDatabase() {
      const { file } = database;
      if (!file) throw new Error('a file-level backup needs SQLite');
      await storage.close();
      const copy = `${file}.backup-${randomUUID()}`;
      copyFileSync(file, copy);
      // The marks are written once a push has been answered.
      if (existsSync(`${file}-revs.json`)) copyFileSync(`${file}-revs.json`, `${copy}-revs.json`);
      storage = await database.open();
      app = newApp();
      return copy;
    },
    /**
     * SQLite: the database file put back to a copy, as an administrator restores a file-level backup;
     * `withMarks`, the revision marks too (a whole folder restored).
     */
    async replaceDatabase(copy: string, { withMarks = false } = {}) {
      const { file } = database;
      if (!file) throw new Error('a file-level backup needs SQLite');
      await storage.close();
      copyFileSync(copy, file);
      if (withMarks) {
        rmSync(`${file}-revs.json`, { force: true });
        if (existsSync(`${copy}-revs.json`)) copyFileSync(`${copy}-revs.json`, `${file}-revs.json`);
      }
      storage = await database.open();
      app = newApp();
    },
    async backUp() {
      backup = await storage.exportUnit(defaultTaxonomy.unit.id);
    },
    async restore() {
      if (!backup) return;
      await storage.close();
      await database.remove();
      database = serverDatabase(adapter);
      storage = await database.open();
      await storage.importUnit(backup);
      app = newApp();
    },
    async dispose() {
      await storage.close();
      await database.remove();
    },
  };
}

/** A browser profile: its own IndexedDB database, as fresh as a new install. */
export function openClientDb(): GomDb {
  return openGomDb(`gom-model-${randomUUID()}`);
}
