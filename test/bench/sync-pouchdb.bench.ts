import 'fake-indexeddb/auto';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openGomDb } from '@gom/extension/store/db';
import { syncNow } from '@gom/extension/sync/sync-client';
import { peerRequire } from './peer';
import { round } from './percentiles';
import type { BenchResult } from './run';
import {
  benchAdapters,
  cpuMs,
  median,
  openBenchDatabase,
  seedUnitWithItems,
  spawnGomServe,
  storedClip,
} from './sync-support';

export const name = 'sync-vs-pouchdb-10k';

const ITEMS = 10_000;
const RUNS = 3;

interface PouchDatabase {
  replicate: { from(source: string): Promise<{ docs_written: number }> };
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<void>;
}
type PouchConstructor = new (name: string, options?: { adapter: string }) => PouchDatabase;
type PouchStatic = PouchConstructor & { plugin(plugin: unknown): PouchStatic };

interface Peer {
  PouchDB: PouchConstructor;
  pouchServerBin: string;
}

/**
 * PouchDB ships no types: its modules are loaded through `require` and given the little used here,
 * from the folder `peer.ts` installs them into on the first run.
 */
function loadPeer(): Peer {
  const require = peerRequire();
  const PouchDB = (require('pouchdb-core') as PouchStatic)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'));
  return { PouchDB, pouchServerBin: join(require.resolve('pouchdb-server/package.json'), '../bin/pouchdb-server') };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** `pouchdb-server --in-memory` (express-pouchdb on memdown) in a temp folder, where it writes its config and log. */
async function startPouchServer(
  pouchServerBin: string,
  dir: string,
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [pouchServerBin, '--in-memory', '--no-stdout-logs', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return { url, child, stop };
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) {
        await stop();
        throw new Error('pouchdb-server did not start');
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

/** The same 10,000 clips as PouchDB documents: the item's fields and clocks under its id. */
async function seedPouchServer(url: string): Promise<string> {
  const db = `${url}/items`;
  if (!(await fetch(db, { method: 'PUT' })).ok) throw new Error('cannot create the PouchDB database');
  for (let from = 0; from < ITEMS; from += 1000) {
    const docs = Array.from({ length: Math.min(1000, ITEMS - from) }, (_, k) => {
      const { id, authorId, fields, clocks } = storedClip(from + k, 'seed');
      return { _id: id, authorId, fields, clocks };
    });
    const response = await fetch(`${db}/_bulk_docs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    if (!response.ok) throw new Error(`_bulk_docs: ${response.status}`);
  }
  return db;
}

/**
 * The classic offline-first pair beside Gom, in one run: PouchDB (memory adapter, in Node)
 * replicating 10,000 documents from `pouchdb-server` in memory, with its default options; and
 * Gom's own client (`syncNow`, Dexie on fake-indexeddb, in Node) pulling the same 10,000 clips into
 * an empty client from `gom serve`. Budget: docs/performance.md.
 */
export async function run(): Promise<BenchResult> {
  const { PouchDB, pouchServerBin } = loadPeer();
  const result: BenchResult = {};
  const pouchDir = mkdtempSync(join(tmpdir(), 'gom-bench-pouchdb-'));
  const pouchServer = await startPouchServer(pouchServerBin, pouchDir);
  try {
    const remote = await seedPouchServer(pouchServer.url);
    const pouchTimes: number[] = [];
    const pouchCpu: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const local = new PouchDB(`bench-${randomUUID()}`, { adapter: 'memory' });
      const cpuBefore = cpuMs() + cpuMs(pouchServer.child.pid);
      const start = performance.now();
      await local.replicate.from(remote);
      pouchTimes.push(performance.now() - start);
      pouchCpu.push(cpuMs() + cpuMs(pouchServer.child.pid) - cpuBefore);
      const { doc_count } = await local.info();
      await local.destroy();
      if (doc_count !== ITEMS) throw new Error(`PouchDB replicated ${doc_count} of ${ITEMS}`);
    }
    const pouch = median(pouchTimes);
    result['pouchdb.replicate10kP50'] = { value: round(pouch), unit: 'ms' };
    // Client and server CPU together: a check on the wall-time ratio when the machine is busy.
    result['pouchdb.replicate10kCpu'] = { value: round(median(pouchCpu), 0), unit: 'ms' };

    for (const adapter of await benchAdapters()) {
      const database = await openBenchDatabase(adapter);
      try {
        const token = await seedUnitWithItems(database.storage, ITEMS);
        await database.storage.close();
        const server = await spawnGomServe(database.cliArgs, database.dir);
        try {
          const gomTimes: number[] = [];
          const gomCpu: number[] = [];
          // One more round than measured: the first warms up the JIT on both sides.
          for (let r = 0; r <= RUNS; r++) {
            const client = openGomDb(`gom-bench-pull-${randomUUID()}`);
            try {
              const cpuBefore = cpuMs() + cpuMs(server.child.pid);
              const start = performance.now();
              const { pulled } = await syncNow({ db: client, serverUrl: server.url, token });
              const elapsed = performance.now() - start;
              if (r > 0) gomCpu.push(cpuMs() + cpuMs(server.child.pid) - cpuBefore);
              if (pulled !== ITEMS || (await client.items.count()) !== ITEMS) throw new Error(`pulled ${pulled}`);
              if (r > 0) gomTimes.push(elapsed);
            } finally {
              client.close();
              await client.delete();
            }
          }
          const gom = median(gomTimes);
          result[`${adapter}.gomPull10kP50`] = { value: round(gom), unit: 'ms' };
          result[`${adapter}.pouchdbOverGom`] = { value: round(pouch / gom), unit: '×', budget: { min: 5 } };
          result[`${adapter}.gomPull10kCpu`] = { value: round(median(gomCpu), 0), unit: 'ms' };
          result[`${adapter}.pouchdbOverGomCpu`] = { value: round(median(pouchCpu) / median(gomCpu)), unit: '×' };
        } finally {
          await server.stop();
        }
      } finally {
        await database.dispose();
      }
    }
  } finally {
    await pouchServer.stop();
    rmSync(pouchDir, { recursive: true, force: true });
  }
  return result;
}
