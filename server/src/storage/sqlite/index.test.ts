import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, constants, copyFileSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTaxonomy } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushNewItem } from '../../test-support';
import type { RewoundUnit } from '../machinery/revision-marks';
import type { Storage } from '../port';
import { openSqliteStorage } from './index';

const unit = defaultTaxonomy.unit;

/**
 * Takes every thread of libuv's pool, the threads the WAL's flush runs on: each waits in `open()`
 * of a named pipe until the pipe gets a writer. Returns what lets them go.
 */
async function holdThreadPool(dir: string): Promise<() => Promise<void>> {
  const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  const pipes = Array.from({ length: threads }, (_, i) => join(dir, `pipe-${i}`));
  for (const pipe of pipes) execFileSync('mkfifo', [pipe]);
  const held = pipes.map((pipe) => open(pipe, 'r'));
  let released: Promise<void> | undefined;
  const release = async () => {
    // Opened here, not on the pool the readers hold; without waiting, should a reader not be there yet.
    for (const pipe of pipes) closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
    for (const handle of await Promise.all(held)) await handle.close();
  };
  return () => (released ??= release());
}

const settledWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise((done) => setTimeout(() => done(false), ms))]);

describe('the SQLite adapter', () => {
  let dir: string;
  let storage: Storage;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gom-sqlite-'));
    storage = openSqliteStorage(join(dir, 'gom.db'));
    await storage.addUnit(unit);
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a push, a pull that shows it and any other write only once the WAL is on disk', async () => {
    const item = { id: randomUUID(), authorId: null, fields: { text: 'Báo cáo quý I' }, clocks: {} };
    const release = await holdThreadPool(dir);
    try {
      const pushed = storage.push(unit.id, {
        clientId: 'c',
        mutationIds: ['mutation01'],
        itemIds: [item.id],
        merge: () => ({ items: [item], mutationIds: ['mutation01'] }),
      });
      // The group starts on the next turn and commits without waiting for any thread.
      await new Promise((next) => setImmediate(next));
      await new Promise((next) => setImmediate(next));
      const pulled = storage.pullItems(unit.id, 0, 10);
      const added = storage.addUser({ id: 'u1', unitId: unit.id, name: 'Lê Văn A', role: 'member' }, 'hash');
      // Committed, but the flush cannot run: none is answered.
      expect(await settledWithin(Promise.race([pushed, pulled, added]), 300)).toBe(false);
      await release();
      expect((await pushed).rev).toBe(1);
      expect((await pulled).items.map((i) => i.id)).toEqual([item.id]);
      expect((await added).id).toBe('u1');
    } finally {
      await release();
    }
  });

  it('gives a new epoch to the units of a file put back behind the revisions it had answered', async () => {
    const db = join(dir, 'gom.db');
    const clip = (n: number) => pushNewItem(storage, unit.id, `Báo cáo ${n}`, `mutation0${n}`);
    const { epoch } = await clip(1);
    await storage.close();
    copyFileSync(db, join(dir, 'backup.db'));
    storage = openSqliteStorage(db);
    expect((await clip(2)).epoch).toBe(epoch);
    await storage.close();
    // Opened again as it was: the same epoch.
    const rewound: RewoundUnit[][] = [];
    storage = openSqliteStorage(db, { onRewound: (units) => rewound.push(units) });
    expect((await storage.pullItemsJson(unit.id, 0, 10)).epoch).toBe(epoch);
    await storage.close();
    copyFileSync(join(dir, 'backup.db'), db);
    storage = openSqliteStorage(db, { onRewound: (units) => rewound.push(units) });
    expect((await storage.pullItemsJson(unit.id, 0, 10)).epoch).not.toBe(epoch);
    expect(rewound).toEqual([[{ unitId: unit.id, rev: 1, handedOut: 2 }]]);
  });
});
