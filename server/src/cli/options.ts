import { type Command, Option } from 'commander';
import { logLevels } from '../logger';
import { openConfiguredStorage, type StorageConfig } from '../storage/open';
import type { Storage } from '../storage/port';

export const DEFAULT_DB = './data/gom.db';

export const dbOption = () => new Option('--db <path>', 'SQLite database file').default(DEFAULT_DB).env('GOM_DB');

export const databaseUrlOption = () =>
  new Option('--database-url <url>', 'PostgreSQL URL; when given, used instead of the SQLite file').env(
    'GOM_DATABASE_URL',
  );

export const logLevelOption = () =>
  new Option('--log-level <level>', 'least severe log level written')
    .choices(logLevels)
    .default('info')
    .env('GOM_LOG_LEVEL');

/** The options every command that opens the database takes. */
export interface StorageFlags {
  db?: string;
  databaseUrl?: string;
}

/** The database the flags (else `GOM_DATABASE_URL`, `GOM_DB`) point to. */
export function openStorage({ db, databaseUrl }: StorageFlags = {}, onRewound?: StorageConfig['onRewound']) {
  return openConfiguredStorage({
    databaseUrl: databaseUrl ?? process.env.GOM_DATABASE_URL,
    dbPath: db ?? process.env.GOM_DB ?? DEFAULT_DB,
    onRewound,
  });
}

/** Adds `--db` and `--database-url` to a command that opens the database. */
export function withStorageOptions(command: Command): Command {
  return command.addOption(dbOption()).addOption(databaseUrlOption());
}

/** Runs `work` on the configured database and closes it, whether `work` succeeds or not. */
export async function withStorage<T>(flags: StorageFlags, work: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStorage(flags);
  try {
    return await work(storage);
  } finally {
    await storage.close();
  }
}
