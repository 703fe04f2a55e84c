import { resolve } from 'node:path';
import { Option } from 'commander';
import { openSqliteStorage } from '../storage/sqlite';

export const DEFAULT_DB = './data/gom.db';

export const dbOption = () => new Option('--db <path>', 'SQLite database file').default(DEFAULT_DB).env('GOM_DB');

export function openStorage(dbPath: string = process.env.GOM_DB ?? DEFAULT_DB) {
  return openSqliteStorage(resolve(dbPath));
}
