import pg from 'pg';
import type { MachineryOptions } from '../machinery/options';
import type { UnitSnapshot } from '../port';
import { postgresMigrations } from './migrations';

const UNIQUE_VIOLATION = '23505';
// Any constant: it names the lock that keeps two processes starting together from migrating twice.
const MIGRATION_LOCK = 4_707_001;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresOptions extends MachineryOptions {
  /** `postgres://user@host:port/database`, as `GOM_DATABASE_URL` gives it. */
  connectionString: string;
  /** A schema to create if missing and keep every table in; tests give each file its own. */
  schema?: string;
  /** Connections per process; several processes share the server's `max_connections`. */
  maxConnections?: number;
}

async function migrate(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    for (const [index, step] of postgresMigrations.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      await client.query('BEGIN');
      try {
        if (typeof step === 'string') await client.query(step);
        else await step(client);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          version,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** The pool every aggregate of the PostgreSQL adapter queries through, its schema migrated. */
export async function connectPostgres({
  connectionString,
  schema,
  maxConnections = 10,
}: PostgresOptions): Promise<pg.Pool> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    // A transaction's statements that need no answer in between leave without waiting for one
    // another, in one round trip (see `openSession` in `items.ts`).
    pipeline: true,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection the server drops (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  const setup = await pool.connect();
  try {
    if (schema) await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migrate(setup);
  } finally {
    setup.release();
  }
  return pool;
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === UNIQUE_VIOLATION;
}

/** Runs `work` in a transaction on a connection of its own, committed if it returns. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}

/** A hot statement, prepared once per connection under its name. */
export const prepared = (name: string, text: string, values: unknown[]): pg.QueryConfig => ({
  name: `gom_${name}`,
  text,
  values,
});

/**
 * How one aggregate's rows of a unit go into its backup and come back out, on the backup's
 * transaction.
 */
export interface BackupPart<K extends keyof UnitSnapshot> {
  read(client: pg.PoolClient, unitId: string): Promise<Pick<UnitSnapshot, K>>;
  write(client: pg.PoolClient, unitId: string, snapshot: Pick<UnitSnapshot, K>): Promise<void>;
}
