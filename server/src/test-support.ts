import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTaxonomy } from '@gom/shared';
import { createApp } from './app';
import type { Role, Storage } from './storage/port';
import { openSqliteStorage } from './storage/sqlite';
import { hashToken, newToken } from './tokens';

/** A real SQLite file in a fresh temporary folder, the default unit, and the app on top of it. */
export async function setUpServer() {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'gom-test-')), 'gom.db');
  const storage = openSqliteStorage(dbPath);
  await storage.addUnit(defaultTaxonomy.unit);
  const app = createApp({ storage });
  return {
    dbPath,
    storage,
    app,
    tokenFor: (unitId = defaultTaxonomy.unit.id, role: Role = 'member') => addToken(storage, unitId, role),
  };
}

export async function addToken(storage: Storage, unitId: string, role: Role = 'member'): Promise<string> {
  const token = newToken();
  await storage.addUser({ id: randomUUID(), unitId, name: `user ${role}`, role }, hashToken(token));
  return token;
}
