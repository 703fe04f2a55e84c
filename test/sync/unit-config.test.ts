/**
 * The unit's configuration and model reaching the extension, and its officers' corrections reaching
 * the unit: the extension's real code on fake-indexeddb against the real app on a real SQLite file.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { learnCorrection, loadClassifier } from '@gom/extension/store/classifier-store';
import { type GomDb, openGomDb } from '@gom/extension/store/db';
import { loadUnitConfig } from '@gom/extension/store/unit-config-store';
import { writeItem } from '@gom/extension/store/write-item';
import type { Fetch } from '@gom/extension/sync/server-api';
import { syncUnitConfig } from '@gom/extension/sync/unit-config-sync';
import { createApp, hashToken, newToken, openSqliteStorage, type Storage } from '@gom/server';
import { defaultTaxonomy, defaultUnitConfig, MAX_LESSONS, suggestCategory, unitConfigKinds } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const SERVER = 'http://gom.test';
// No built-in rule places these: where they go is what an officer teaches.
const TAUGHT = 'Rà soát danh mục thiết bị phòng họp trực tuyến của Sở';
const CLOSE = 'Rà soát danh mục thiết bị phòng họp trực tuyến tầng 2';

let dir: string;
let storage: Storage;
let app: ReturnType<typeof createApp>;
const dbs: GomDb[] = [];
/** Every request the extension made, as `METHOD path`. */
let asked: string[];
/** While set, every request fails as a dropped connection does. */
let offline: boolean;

const fetch: Fetch = async (input, init) => {
  const url = new URL(String(input));
  asked.push(`${init?.method ?? 'GET'} ${url.pathname}`);
  if (offline) throw new TypeError('fetch failed');
  return app.request(`${url.pathname}${url.search}`, init);
};

async function officer(role: 'member' | 'admin' = 'member') {
  const token = newToken();
  await storage.addUser({ id: randomUUID(), unitId: defaultTaxonomy.unit.id, name: role, role }, hashToken(token));
  const db = openGomDb(`test-${randomUUID()}`);
  dbs.push(db);
  const settings = () => Promise.resolve({ serverUrl: SERVER, token });
  return { db, token, sync: () => syncUnitConfig(db, fetch, settings) };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gom-unit-config-'));
  storage = await openSqliteStorage(join(dir, 'gom.db'));
  await storage.addUnit(defaultTaxonomy.unit);
  app = createApp({ storage, rateLimit: false, authFailureLimit: false });
  asked = [];
  offline = false;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the unit's model and configuration in the extension", () => {
  it("brings one officer's correction to another's suggestions", async () => {
    const a = await officer();
    const b = await officer();
    expect(suggestCategory({ text: CLOSE }, await loadClassifier(b.db)).category).not.toBe('office_admin');

    await learnCorrection(a.db, { text: TAUGHT, category: 'office_admin', kind: 'result' });
    expect(await a.sync()).toEqual({ sent: 1, dropped: 0, stored: [...unitConfigKinds] });
    expect(await a.db.lessons.count()).toBe(0);
    // The lessons go before the model is asked for, so the model fetched holds them.
    expect(asked.indexOf('POST /v1/model/lessons')).toBeLessThan(asked.indexOf('GET /v1/config/model'));

    expect((await b.sync())?.stored).toEqual([...unitConfigKinds]);
    expect((await b.db.unitConfig.get('model'))?.version).toBe(1);
    expect(suggestCategory({ text: CLOSE }, await loadClassifier(b.db)).category).toBe('office_admin');
    // Nothing changed on the server: nothing is stored again.
    expect((await b.sync())?.stored).toEqual([]);
  });

  it('keeps the queue and what it holds when the server cannot be reached', async () => {
    const a = await officer();
    await a.sync();
    const held = await a.db.unitConfig.toArray();
    await learnCorrection(a.db, { text: TAUGHT, category: 'office_admin' });
    offline = true;
    expect(await a.sync()).toEqual({ sent: 0, dropped: 0, stored: [] });
    expect(await a.db.lessons.count()).toBe(1);
    expect(await a.db.unitConfig.toArray()).toEqual(held);
    // Offline, the correction counts all the same.
    expect(suggestCategory({ text: CLOSE }, await loadClassifier(a.db)).category).toBe('office_admin');
    offline = false;
    expect((await a.sync())?.sent).toBe(1);
  });

  it('drops a batch the server refuses rather than holding back the corrections after it', async () => {
    const a = await officer();
    await learnCorrection(a.db, { text: 'Việc của một nhóm đã bỏ', category: 'nhom_da_bo' });
    const itemId = randomUUID();
    await writeItem(a.db, itemId, { text: 'Một việc đã lưu', kind: 'result', occurredOn: '2021-03-05' });
    expect(await a.sync()).toMatchObject({ sent: 0, dropped: 1 });
    expect(await a.db.lessons.count()).toBe(0);
    expect((await a.db.items.get(itemId))?.fields.text).toBe('Một việc đã lưu');
    await learnCorrection(a.db, { text: TAUGHT, category: 'office_admin' });
    expect(await a.sync()).toMatchObject({ sent: 1, dropped: 0 });
  });

  it(`sends at most ${MAX_LESSONS} lessons a request, in the order made`, async () => {
    const a = await officer();
    await a.db.lessons.bulkAdd(
      Array.from({ length: MAX_LESSONS + 1 }, (_, i) => ({ text: `${TAUGHT} số ${i}`, category: 'office_admin' })),
    );
    expect((await a.sync())?.sent).toBe(MAX_LESSONS + 1);
    expect(asked.filter((request) => request === 'POST /v1/model/lessons')).toHaveLength(2);
    expect((await a.db.unitConfig.get('model'))?.version).toBe(2);
  });

  it("takes the unit's own taxonomy an administrator stored", async () => {
    const admin = await officer('admin');
    const taxonomy = structuredClone(defaultTaxonomy);
    taxonomy.categories[0]!.title = 'Đối ngoại và hợp tác quốc tế';
    const put = await app.request('/v1/config/taxonomy', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(taxonomy),
    });
    expect(put.status).toBe(200);
    const b = await officer();
    expect((await loadUnitConfig(b.db)).taxonomy).toBe(defaultUnitConfig.taxonomy);
    await b.sync();
    expect((await loadUnitConfig(b.db)).taxonomy.categories[0]?.title).toBe('Đối ngoại và hợp tác quốc tế');
  });
});
