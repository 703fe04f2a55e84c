import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromiumWith } from '../e2e/support';
import { round } from './percentiles';
import type { BenchResult } from './run';
import { benchAdapters, median, openBenchDatabase, root, seedUnitWithItems, spawnGomServe } from './sync-support';

export const name = 'sync-first-sync-chromium';

const ITEMS = 10_000;
const RUNS = 3;
const extensionDir = join(root, 'extension/.output/chrome-mv3');

interface ChromeGlobals {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; pulled?: number; error?: string }> };
    storage: { local: { set(values: object): Promise<void> } };
  };
}

/**
 * Back to an empty client: no items, no cursor, no clock (the background keeps its connection
 * open). Before the first sync there is no database yet, and opening one here would create an
 * empty database under its name and block the background's upgrade: that case is left alone.
 */
async function emptyClient(page: Page): Promise<void> {
  await page.evaluate(
    async () =>
      (await indexedDB.databases()).some((d) => d.name === 'gom') &&
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const stores = ['items', 'listingChunks', 'outbox', 'meta'];
          const tx = open.result.transaction(stores, 'readwrite');
          for (const store of stores) tx.objectStore(store).clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * The first sync of an empty client in the real Chromium: the built extension, a server holding
 * 10,000 clips of the unit, `{type: 'sync'}` sent from an extension page, timed until the
 * background answers and IndexedDB holds the 10,000 items; the budget is a ratio to the floor
 * below (docs/performance.md).
 *
 * Beside it, the floor on the same page: the same pages fetched and written to a bare IndexedDB
 * store (one transaction a page, no Dexie, no merge) — what any client must spend.
 */
export async function run(): Promise<BenchResult> {
  // The production build, as an officer installs it (no host permission: the server's CORS lets it in).
  execFileSync('pnpm', ['-s', '--filter', '@gom/extension', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const result: BenchResult = {};
  for (const adapter of await benchAdapters()) {
    const database = await openBenchDatabase(adapter);
    const profile = mkdtempSync(join(tmpdir(), 'gom-bench-chromium-'));
    try {
      const token = await seedUnitWithItems(database.storage, ITEMS);
      await database.storage.close();
      const server = await spawnGomServe(database.cliArgs, database.dir);
      const context = await launchChromiumWith(extensionDir, profile);
      try {
        const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        const page = await context.newPage();
        await page.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
        await page.evaluate((settings) => (globalThis as unknown as ChromeGlobals).chrome.storage.local.set(settings), {
          serverUrl: server.url,
          token,
        });
        const times: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          await emptyClient(page);
          const elapsed = await page.evaluate(async (items) => {
            const start = performance.now();
            const reply = await (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage({ type: 'sync' });
            if (!reply.ok) throw new Error(`sync failed: ${reply.error}`);
            // The answer comes once the sync is done; the count makes sure the items are there.
            for (;;) {
              const held = await new Promise<number>((resolve, reject) => {
                const open = indexedDB.open('gom');
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                  const count = open.result.transaction('items').objectStore('items').count();
                  count.onsuccess = () => {
                    open.result.close();
                    resolve(count.result);
                  };
                };
              });
              if (held >= items) break;
              await new Promise((done) => setTimeout(done, 5));
            }
            return performance.now() - start;
          }, ITEMS);
          times.push(elapsed);
        }
        const floor = await page.evaluate(
          async ({ url, token, items }) => {
            const open = indexedDB.open(`floor-${crypto.randomUUID()}`, 1);
            open.onupgradeneeded = () => open.result.createObjectStore('items', { keyPath: 'id' });
            const db = await new Promise<IDBDatabase>((resolve) => {
              open.onsuccess = () => resolve(open.result);
            });
            const start = performance.now();
            let since = 0;
            let written = 0;
            for (;;) {
              const response = await fetch(`${url}/v1/sync/pull?since=${since}&limit=500`, {
                headers: { Authorization: `Bearer ${token}` },
              });
              const page = (await response.json()) as { items: { id: string }[]; cursor: number; hasMore: boolean };
              const tx = db.transaction('items', 'readwrite');
              for (const item of page.items) tx.objectStore('items').put(item);
              await new Promise((done) => {
                tx.oncomplete = done;
              });
              written += page.items.length;
              since = page.cursor;
              if (!page.hasMore) break;
            }
            const elapsed = performance.now() - start;
            db.close();
            indexedDB.deleteDatabase(db.name);
            if (written !== items) throw new Error(`floor wrote ${written}`);
            return elapsed;
          },
          { url: server.url, token, items: ITEMS },
        );
        result[`${adapter}.firstSync10kP50`] = { value: round(median(times)), unit: 'ms' };
        result[`${adapter}.firstSync10kFirstRun`] = { value: round(times[0]!), unit: 'ms' };
        result[`${adapter}.floorFetchAndIdb10k`] = { value: round(floor), unit: 'ms' };
        // The budget is a ratio to the floor the same run measures, which holds on a slower machine
        // (docs/performance.md).
        result[`${adapter}.firstSyncOverFloor`] = {
          value: round(median(times) / floor),
          unit: '×',
          budget: { max: 1.3 },
        };
      } finally {
        await context.close();
        await server.stop();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
      await database.dispose();
    }
  }
  return result;
}
