import 'fake-indexeddb/auto';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeItem } from '@gom/extension/store/write-item';
import { syncNow } from '@gom/extension/sync/sync-client';
import { openSqliteStorage } from '@gom/server';
import { describe, expect, it } from 'vitest';
import { openClientDb } from './harness';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const gomMain = join(root, 'server/src/cli/main.ts');
const CYCLES = Number(process.env.GOM_CRASH_CYCLES ?? 10);

function serve(dbPath: string): Promise<{ url: string; child: ChildProcess; exited: Promise<unknown> }> {
  // Node itself with tsx's loader, not the tsx launcher: the launcher runs the server in a
  // grandchild that a SIGKILL to the launcher would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', gomMain, 'serve', '--port', '0', '--db', dbPath], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((done) => child.once('exit', done));
  return new Promise((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /"url":"([^"]+)"/.exec(out)?.[1];
      if (url) done({ url, child, exited });
    });
    void exited.then(() => fail(new Error(`gom serve exited: ${out}`)));
  });
}

describe('the server killed with SIGKILL in the middle of pushes', () => {
  it(`loses nothing it acknowledged, and the client's retries bring the rest (${CYCLES} kills)`, async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'gom-crash-')), 'gom.db');
    const gom = (...args: string[]) => execFileSync(tsx, [gomMain, ...args, '--db', dbPath], { cwd: root }).toString();
    gom('unit', 'add', '--id', 'SNgV', '--name', 'Sở Ngoại vụ');
    const { token } = JSON.parse(gom('user', 'add', '--unit', 'SNgV', '--name', 'Chuyên viên', '--json')) as {
      token: string;
    };
    const db = openClientDb();
    const written = new Set<string>();

    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const server = await serve(dbPath);
      let killed = false;
      const load = (async () => {
        while (!killed) {
          for (let i = 0; i < 20; i += 1) {
            const id = crypto.randomUUID();
            await writeItem(db, id, { text: `Mục ${cycle}-${i}`, occurredOn: '2021-03-03' });
            written.add(id);
          }
          await syncNow({ db, serverUrl: server.url, token }).catch(() => undefined);
        }
      })();
      await new Promise((done) => setTimeout(done, 150 + Math.random() * 350));
      killed = true;
      server.child.kill('SIGKILL');
      await server.exited;
      await load;

      // Acknowledged = written and gone from the outbox: each must be on disk after the crash.
      const pending = new Set((await db.outbox.toArray()).map((row) => row.itemId));
      const acknowledged = [...written].filter((id) => !pending.has(id));
      const storage = openSqliteStorage(dbPath);
      const onDisk = new Set((await storage.pullItems('SNgV', 0, 1_000_000)).items.map((item) => item.id));
      await storage.close();
      expect(acknowledged.filter((id) => !onDisk.has(id))).toEqual([]);
    }

    const server = await serve(dbPath);
    try {
      await syncNow({ db, serverUrl: server.url, token });
      expect(await db.outbox.count()).toBe(0);
      const storage = openSqliteStorage(dbPath);
      const { items } = await storage.pullItems('SNgV', 0, 1_000_000);
      await storage.close();
      expect(new Set(items.map((item) => item.id))).toEqual(written);
      expect(new Set(items.map((item) => item.rev)).size).toBe(items.length);
      expect(await db.items.count()).toBe(written.size);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      db.close();
      await db.delete();
    }
  }, 180_000);
});
