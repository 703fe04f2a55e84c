import { resolve } from 'node:path';
import type { Storage } from './port';
import { openPostgresStorage } from './postgres';
import { openSqliteStorage, type SqliteOptions } from './sqlite';

export interface StorageConfig {
  /** A PostgreSQL URL; when given, the SQLite file is not used. */
  databaseUrl?: string | undefined;
  /** The SQLite file of the embedded default. */
  dbPath: string;
  /** SQLite: told of the units found rewound (the file restored from an older copy), given a new epoch. */
  onRewound?: SqliteOptions['onRewound'];
}

/** PostgreSQL when a URL is configured, else the embedded SQLite file. */
export function openConfiguredStorage({ databaseUrl, dbPath, onRewound }: StorageConfig): Promise<Storage> {
  if (databaseUrl) return openPostgresStorage({ connectionString: databaseUrl });
  return Promise.resolve(openSqliteStorage(resolve(dbPath), { onRewound }));
}

/** Where the storage lives, for logs: never the URL's password. */
export function describeStorage({ databaseUrl, dbPath }: StorageConfig): string {
  if (!databaseUrl) return `sqlite:${dbPath}`;
  try {
    const url = new URL(databaseUrl);
    return `postgres://${url.host}${url.pathname}`;
  } catch {
    return 'postgres';
  }
}
