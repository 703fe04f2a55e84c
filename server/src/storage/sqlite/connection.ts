import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { UnitSnapshot } from '../port';
import { sqliteMigrations } from './migrations';
import { startCheckpointer, walFlush } from './wal';

function migrate(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT',
  );
  const done = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((r) => (r as { version: number }).version),
  );
  sqliteMigrations.forEach((step, index) => {
    const version = index + 1;
    if (done.has(version)) return;
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        version,
        new Date().toISOString(),
      );
    })();
  });
}

/** The one connection every aggregate of the SQLite adapter works on, and the order it works in. */
export interface SqliteConnection {
  db: Database.Database;
  /** Runs `work` once the work queued before it has settled, alone on the connection. */
  serial<T>(work: () => T | Promise<T>): Promise<T>;
  /** `serial`, for work that writes: answered once what it wrote is on disk. */
  write<T>(work: () => T): Promise<T>;
  /** Answered once `answer` has settled and every commit made before is on disk; the queue moves on meanwhile. */
  onDisk<T>(answer: Promise<T>): Promise<T>;
  /** Tells the WAL's flush of a commit made outside `write`. */
  wrote(): void;
  /** Checkpoints the whole WAL and closes the file; run it last in the queue. */
  end(): Promise<void>;
}

/**
 * How one aggregate's rows of a unit go into its backup and come back out, inside the backup's
 * transaction.
 */
export interface BackupPart<K extends keyof UnitSnapshot> {
  read(unitId: string): Pick<UnitSnapshot, K>;
  write(unitId: string, snapshot: Pick<UnitSnapshot, K>): void;
}

/**
 * One better-sqlite3 connection in WAL mode, its schema migrated. Work is queued one at a time,
 * because an awaited step inside a transaction must not let another request read its
 * uncommitted rows on the same connection.
 */
export function openSqliteConnection(path: string): SqliteConnection {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // SQLite checkpoints the WAL inside whichever commit crosses 1,000 pages, which puts the
  // checkpoint on a request's path (most of the p99 tail measured here). Checkpoint off the
  // request path instead, in a worker thread (`startCheckpointer`).
  db.pragma('wal_autocheckpoint = 0');
  migrate(db);

  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(work: () => T | Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }
  const wal = walFlush(path);
  async function onDisk<T>(answer: Promise<T>): Promise<T> {
    const result = await answer;
    await wal.durable();
    return result;
  }
  const write = <T>(work: () => T) =>
    onDisk(
      serial(work).then((result) => {
        wal.wrote();
        return result;
      }),
    );
  const stopCheckpointer = path === ':memory:' ? () => Promise.resolve() : startCheckpointer(path);

  return {
    db,
    serial,
    write,
    onDisk,
    wrote: () => wal.wrote(),
    end: async () => {
      await stopCheckpointer();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      await wal.close();
    },
  };
}
