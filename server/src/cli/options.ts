import { resolve } from 'node:path';
import { openSqliteStorage } from '../storage/sqlite';

export const DEFAULT_DB = './data/gom.db';

export function openStorage(dbPath: string = process.env.GOM_DB ?? DEFAULT_DB) {
  return openSqliteStorage(resolve(dbPath));
}
