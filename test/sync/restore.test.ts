import 'fake-indexeddb/auto';
import { type GomDb, readMeta } from '@gom/extension/store/db';
import { writeItem } from '@gom/extension/store/write-item';
import { syncNow } from '@gom/extension/sync/sync-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openClientDb, startFaultyServer } from './harness';

/**
 * A server put back to an older backup has forgotten what was pushed after it, though the clients
 * dropped those mutations from their outboxes when the server acknowledged them; and it hands out
 * the revisions after the backup's again, for other items, which clients past them would skip.
 */
describe('a server restored from an older backup', () => {
  let server: Awaited<ReturnType<typeof startFaultyServer>>;
  let dbs: GomDb[];
  let now = Date.UTC(2021, 2, 3, 2);
  const clip = (db: GomDb, text: string) =>
    writeItem(db, crypto.randomUUID(), { text, occurredOn: '2021-03-03' }, now++);
  const sync = (db: GomDb) =>
    syncNow({ db, serverUrl: server.serverUrl, token: server.token, fetch: server.fetchWith(() => 'none') });
  const texts = async (db: GomDb) => (await db.items.toArray()).map((i) => i.fields.text).sort();

  beforeEach(async () => {
    server = await startFaultyServer();
    dbs = [openClientDb(), openClientDb(), openClientDb()];
  });
  afterEach(async () => {
    for (const db of dbs) {
      db.close();
      await db.delete();
    }
    await server.dispose();
  });

  it('gets back what the clients pushed after the backup, and every client gets what was written since', async () => {
    const [a, b, c] = dbs as [GomDb, GomDb, GomDb];
    await clip(a, 'trước sao lưu');
    await sync(a);
    await server.backUp();
    await clip(a, 'sau sao lưu, của A');
    await clip(b, 'sau sao lưu, của B');
    await sync(a);
    await sync(b);
    expect([await a.outbox.count(), await b.outbox.count()]).toEqual([0, 0]);

    await server.restore();
    // C, new, writes first: its clip takes a revision that A and B have already pulled.
    await clip(c, 'sau khôi phục, của C');
    expect(await sync(c)).toMatchObject({ pushed: 1 });
    const epoch = (await readMeta(c, 'syncedWith'))?.epoch;

    // A finds a new epoch: it pulls everything from the start, then pushes again all it holds (2).
    expect(await sync(a)).toEqual({ pushed: 2, pulled: 2 });
    expect(await readMeta(a, 'syncedWith')).toEqual({ unitId: 'SNgV', epoch });
    await sync(b);
    await sync(c);
    await sync(a);
    const all = ['sau khôi phục, của C', 'sau sao lưu, của A', 'sau sao lưu, của B', 'trước sao lưu'];
    for (const db of dbs) expect(await texts(db)).toEqual(all);
    const onServer = await server.storage.pullItems('SNgV', 0, 100);
    expect(onServer.items.map((i) => i.fields.text).sort()).toEqual(all);
    expect(new Set(onServer.items.map((i) => i.rev)).size).toBe(all.length);
    // Once caught up, a sync pushes nothing more.
    expect(await sync(a)).toEqual({ pushed: 0, pulled: 0 });
  });

  it('finds a database file restored alone behind its revision marks, even once new pushes overtake a cursor', async () => {
    const [a, b] = dbs as [GomDb, GomDb];
    await clip(a, 'trước sao lưu');
    await sync(a);
    const file = await server.copyDatabase();
    await clip(a, 'sau sao lưu, của A');
    await sync(a);
    const { epoch } = (await readMeta(a, 'syncedWith'))!;
    await server.replaceDatabase(file);
    // B pushes two clips at once: revisions 2 and 3, past A's cursor (2). Under the same epoch A
    // would take the new revision 3 for news and never pull the other clip of revision 2.
    await clip(b, 'sau khôi phục, của B (1)');
    await clip(b, 'sau khôi phục, của B (2)');
    await sync(b);
    expect(await readMeta(b, 'syncedWith')).not.toEqual({ unitId: 'SNgV', epoch });
    expect(await sync(a)).toEqual({ pushed: 2, pulled: 3 });
    await sync(b);
    const all = ['sau khôi phục, của B (1)', 'sau khôi phục, của B (2)', 'sau sao lưu, của A', 'trước sao lưu'];
    for (const db of [a, b]) expect(await texts(db)).toEqual(all);
  });

  it('starts over when the server is behind its cursor under the same epoch (a folder restored, marks and all, without `gom unit resync`)', async () => {
    const [a] = dbs as [GomDb];
    await clip(a, 'trước sao lưu');
    await sync(a);
    const file = await server.copyDatabase();
    await clip(a, 'sau sao lưu');
    await sync(a);
    await server.replaceDatabase(file, { withMarks: true });
    expect(await sync(a)).toEqual({ pushed: 2, pulled: 1 });
    expect(await readMeta(a, 'cursor')).toBe(1);
    expect((await server.storage.pullItems('SNgV', 0, 100)).items.map((i) => i.fields.text).sort()).toEqual([
      'sau sao lưu',
      'trước sao lưu',
    ]);
  });
});
