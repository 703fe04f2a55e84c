import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { openGomDb } from '@gom/extension/store/db';
import { writeItem } from '@gom/extension/store/write-item';
import type { Fetch } from '@gom/extension/sync/server-api';
import { syncNow } from '@gom/extension/sync/sync-client';
import { defaultTaxonomy } from '@gom/shared';
import { round } from './percentiles';
import type { BenchResult } from './run';
import { addMember, benchAdapters, clipFields, median, openBenchDatabase, spawnGomServe } from './sync-support';

export const name = 'sync-push-1000-offline';

const ITEMS = 1000;
const RUNS = 5;

/**
 * An officer's client that was in sync, then saved 1,000 clips offline: the sync that sends them,
 * timed from the call to its return. The real client code (`writeItem`, `syncNow`) on Dexie over
 * fake-indexeddb, against `gom serve` as a child process on a loopback port. The sync pushes the
 * outbox (5 batches of 200) and then pulls the 1,000 items back under their new revisions, as every
 * real sync does (budget: docs/performance.md).
 */
export async function run(): Promise<BenchResult> {
  const result: BenchResult = {};
  for (const adapter of await benchAdapters()) {
    const database = await openBenchDatabase(adapter);
    const client = openGomDb(`gom-bench-push-${randomUUID()}`);
    try {
      await database.storage.addUnit(defaultTaxonomy.unit);
      const token = await addMember(database.storage, defaultTaxonomy.unit.id);
      await database.storage.close();
      const server = await spawnGomServe(database.cliArgs, database.dir);
      try {
        // The moment the first pull leaves: the push phase is over.
        let pullStarted = 0;
        const fetch: Fetch = (input, init) => {
          if (pullStarted === 0 && String(input).includes('/v1/sync/pull')) pullStarted = performance.now();
          return globalThis.fetch(input, init);
        };
        const target = { db: client, serverUrl: server.url, token, fetch };
        await syncNow(target);
        const totals: number[] = [];
        const pushes: number[] = [];
        // One round to warm up the JIT on both sides, then the measured ones.
        for (let r = 0; r <= RUNS; r++) {
          for (let i = 0; i < ITEMS; i++) await writeItem(client, randomUUID(), clipFields(r * ITEMS + i));
          if ((await client.outbox.count()) !== ITEMS) throw new Error('outbox should hold the 1,000 offline clips');
          pullStarted = 0;
          const start = performance.now();
          const synced = await syncNow(target);
          const end = performance.now();
          if (synced.pushed !== ITEMS || (await client.outbox.count()) !== 0) {
            throw new Error(`pushed ${synced.pushed} of ${ITEMS}`);
          }
          if (r === 0) continue;
          totals.push(end - start);
          pushes.push(pullStarted - start);
        }
        result[`${adapter}.sync1000p50`] = { value: round(median(totals)), unit: 'ms', budget: { max: 500 } };
        result[`${adapter}.sync1000max`] = { value: round(Math.max(...totals)), unit: 'ms' };
        result[`${adapter}.pushPhase1000p50`] = { value: round(median(pushes)), unit: 'ms' };
      } finally {
        await server.stop();
      }
    } finally {
      client.close();
      await client.delete();
      await database.dispose();
    }
  }
  return result;
}
