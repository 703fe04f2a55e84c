import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GomDb, openGomDb } from '@gom/extension/features/db';
import type { Fetch } from '@gom/extension/features/server-api';
import { createApp, hashToken, newToken, openSqliteStorage, type Storage } from '@gom/server';
import { defaultTaxonomy } from '@gom/shared';

/** What goes wrong between a client and the server on one request. */
export type Fault = 'none' | 'requestLost' | 'responseLost' | 'duplicated';

/**
 * The real Hono app on a real SQLite file, reached through a `fetch` that can lose the request,
 * lose the response after the server committed, or deliver the request twice; `restart` closes
 * the database and opens it again, as a server process restart would.
 */
export async function startFaultyServer() {
  const dir = mkdtempSync(join(tmpdir(), 'gom-sync-'));
  const path = join(dir, 'gom.db');
  let storage: Storage = openSqliteStorage(path);
  await storage.addUnit(defaultTaxonomy.unit);
  const token = newToken();
  await storage.addUser(
    { id: randomUUID(), unitId: defaultTaxonomy.unit.id, name: 'model', role: 'member' },
    hashToken(token),
  );
  let app = createApp({ storage });

  const fetchWith =
    (nextFault: () => Fault): Fetch =>
    async (input, init) => {
      const fault = nextFault();
      if (fault === 'requestLost') throw new TypeError('fetch failed: request lost');
      const url = new URL(String(input));
      const send = () => app.request(`${url.pathname}${url.search}`, init);
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
    async restart() {
      await storage.close();
      storage = openSqliteStorage(path);
      app = createApp({ storage });
    },
    async dispose() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser profile: its own IndexedDB database, as fresh as a new install. */
export function openClientDb(): GomDb {
  return openGomDb(`gom-model-${randomUUID()}`);
}
