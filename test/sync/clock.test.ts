import 'fake-indexeddb/auto';
import { type GomDb, readMeta, writeMeta } from '@gom/extension/store/db';
import { restoreLostEdit } from '@gom/extension/store/lost-edits';
import { writeItem } from '@gom/extension/store/write-item';
import { syncNow } from '@gom/extension/sync/sync-client';
import { DEFAULT_MAX_CLOCK_DRIFT_MS, hlcMs, type ItemFieldsPatch } from '@gom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { openClientDb, startFaultyServer } from './harness';

const START = Date.UTC(2026, 11, 7, 2);
const MINUTE = 60_000;
const YEAR = 365 * 86_400_000;
const TO_2020 = Date.UTC(2020, 0, 1) - START;

let now = START;
let server: Awaited<ReturnType<typeof startFaultyServer>>;
const dbs: GomDb[] = [];

/** A PC: its own IndexedDB, its own clock `skew` ms off the server's, the real client code. */
async function pc(skew: number) {
  server ??= await startFaultyServer('sqlite', { now: () => now });
  const db = openClientDb();
  dbs.push(db);
  const clock = { skew };
  return {
    db,
    clock,
    write: (id: string, set: ItemFieldsPatch) => writeItem(db, id, set, now + clock.skew),
    sync: () =>
      syncNow({
        db,
        serverUrl: server.serverUrl,
        token: server.token,
        fetch: server.fetchWith(() => 'none'),
        now: () => now + clock.skew,
      }),
    text: async (id: string) => (await db.items.get(id))?.fields.text,
  };
}

async function serverText(id: string) {
  return (await server.storage.pullItems('SNgV', 0, 1000)).items.find((item) => item.id === id)?.fields.text;
}

async function serverClocksWithinDrift() {
  for (const item of (await server.storage.pullItems('SNgV', 0, 1000)).items) {
    for (const clock of Object.values(item.clocks))
      expect(hlcMs(clock)).toBeLessThanOrEqual(now + DEFAULT_MAX_CLOCK_DRIFT_MS);
  }
}

afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
  await server?.dispose();
  server = undefined as never;
  now = START;
});

describe('a wrong PC clock decides nothing', () => {
  it('a PC a year ahead, before it ever synced: its clip lands by the server time, and a colleague’s later edit wins', async () => {
    const ahead = await pc(YEAR);
    const colleague = await pc(0);
    const id = crypto.randomUUID();
    await ahead.write(id, { text: 'Bản của máy chạy nhanh', occurredOn: '2026-12-07' });
    now += MINUTE;
    await ahead.sync();
    await serverClocksWithinDrift();
    await colleague.sync();
    now += 10 * MINUTE;
    await colleague.write(id, { text: 'Bản sửa sau' });
    await colleague.sync();
    await ahead.sync();
    expect(await serverText(id)).toBe('Bản sửa sau');
    expect(await ahead.text(id)).toBe('Bản sửa sau');
    // Its own clock is corrected from then on: its next edit is stamped by the server's time.
    now += 10 * MINUTE;
    await ahead.write(id, { text: 'Bản cuối' });
    await ahead.sync();
    await colleague.sync();
    expect(await colleague.text(id)).toBe('Bản cuối');
    await serverClocksWithinDrift();
    expect(Math.round(((await readMeta(ahead.db, 'clockOffset')) ?? 0) / MINUTE)).toBe(-YEAR / MINUTE);
  });

  it('a PC set to 2020 keeps the offline edit it made after a colleague’s it had not seen', async () => {
    const behind = await pc(TO_2020);
    const colleague = await pc(0);
    const id = crypto.randomUUID();
    await colleague.write(id, { text: 'Bản đầu', occurredOn: '2026-12-07' });
    await colleague.sync();
    await behind.sync();
    now += MINUTE;
    await colleague.write(id, { text: 'Bản của đồng nghiệp' });
    await colleague.sync();
    now += 15 * MINUTE;
    // Offline since its last sync: it has not seen the colleague's edit, made a quarter of an hour before.
    await behind.write(id, { text: 'Bản sửa muộn hơn' });
    await behind.sync();
    await colleague.sync();
    expect(await serverText(id)).toBe('Bản sửa muộn hơn');
    expect(await colleague.text(id)).toBe('Bản sửa muộn hơn');
    expect(await behind.text(id)).toBe('Bản sửa muộn hơn');
  });

  it('a PC set to 2020 before its first sync: its offline clips are stamped by the server time before they go', async () => {
    const behind = await pc(TO_2020);
    const colleague = await pc(0);
    const id = crypto.randomUUID();
    await colleague.write(id, { text: 'Bản đầu', occurredOn: '2026-12-07' });
    await colleague.sync();
    now += 15 * MINUTE;
    const own = crypto.randomUUID();
    await behind.write(own, { text: 'Mục ghi khi chưa đồng bộ', occurredOn: '2026-12-07' });
    await behind.sync();
    const stored = (await server.storage.pullItems('SNgV', 0, 1000)).items.find((item) => item.id === own);
    expect(Math.abs(hlcMs(stored!.clocks.text!) - (now - 0))).toBeLessThan(MINUTE);
  });

  it('a PC whose clock jumped a year ahead after its offset was measured: the refused batch is stamped again and lands', async () => {
    const officer = await pc(0);
    await officer.sync();
    officer.clock.skew = YEAR;
    const id = crypto.randomUUID();
    await officer.write(id, { text: 'Ghi khi đồng hồ sai', occurredOn: '2026-12-07' });
    expect(hlcMs((await officer.db.outbox.toArray())[0]!.hlc)).toBeGreaterThan(now + YEAR / 2);
    const result = await officer.sync();
    expect(result.pushed).toBe(1);
    expect(await officer.db.outbox.count()).toBe(0);
    expect(await serverText(id)).toBe('Ghi khi đồng hồ sai');
    await serverClocksWithinDrift();
    expect(hlcMs((await officer.db.items.get(id))!.clocks.text!)).toBeLessThanOrEqual(now);
  });
});

describe('a unit a clock beyond the bound poisoned heals', () => {
  it('every client syncs and edits again once the server restarts with the bound', async () => {
    const officers = [await pc(0), await pc(0), await pc(0)];
    // A server from before the bound took any clock: one PC's clock reached the greatest value.
    server.setMaxClockDrift(1e13);
    const id = crypto.randomUUID();
    await writeMeta(officers[0]!.db, 'hlc', '9999999999999-9999-zz');
    await officers[0]!.write(id, { text: 'Mục bị đầu độc', occurredOn: '2026-12-07' });
    for (const officer of officers) await officer.sync();
    // Every replica now holds the greatest clock, and a new edit of theirs cannot beat it.
    for (const officer of officers) expect(await readMeta(officer.db, 'hlc')).toMatch(/^9999999999999-/);
    await officers[1]!.write(id, { text: 'Sửa khi đã bị đầu độc' });
    await officers[1]!.sync();

    // The server restarts with the bound: it brings its clocks back, then every client does.
    server.setMaxClockDrift(DEFAULT_MAX_CLOCK_DRIFT_MS);
    await server.restart();
    await serverClocksWithinDrift();
    for (const [n, officer] of officers.entries()) {
      now += MINUTE;
      await officer.sync();
      await officer.write(id, { text: `Sửa lần ${n + 1}` });
      await officer.sync();
      expect(await serverText(id)).toBe(`Sửa lần ${n + 1}`);
    }
    for (const officer of officers) {
      await officer.sync();
      expect(await officer.text(id)).toBe('Sửa lần 3');
      expect(hlcMs((await readMeta(officer.db, 'hlc'))!)).toBeLessThanOrEqual(now + DEFAULT_MAX_CLOCK_DRIFT_MS);
      expect(await officer.db.outbox.count()).toBe(0);
    }
    await serverClocksWithinDrift();
  });
});

describe('no edit is lost without a word', () => {
  /** An officer's clip, synced to a colleague's PC. */
  async function sharedItem() {
    const officer = await pc(0);
    const colleague = await pc(0);
    const id = crypto.randomUUID();
    await officer.write(id, { text: 'Bản đầu', occurredOn: '2026-12-07' });
    await officer.sync();
    await colleague.sync();
    return { officer, colleague, id };
  }

  it('keeps the edit a later one from another PC replaced, and restores it in one step', async () => {
    const { officer, colleague, id } = await sharedItem();
    // Both edit offline; the colleague's edit comes later, so it wins.
    now += MINUTE;
    await officer.write(id, { text: 'Bản của tôi' });
    now += MINUTE;
    await colleague.write(id, { text: 'Bản của đồng nghiệp' });
    await colleague.sync();
    await officer.sync();
    expect(await officer.text(id)).toBe('Bản của đồng nghiệp');
    expect(await officer.db.lostEdits.toArray()).toEqual([
      {
        itemId: id,
        field: 'text',
        value: 'Bản của tôi',
        replacedBy: 'Bản của đồng nghiệp',
        lostAt: expect.any(String),
      },
    ]);
    // Her colleague lost nothing of hers: nothing to tell.
    expect(await colleague.db.lostEdits.count()).toBe(0);

    now += MINUTE;
    await restoreLostEdit(officer.db, (await officer.db.lostEdits.toArray())[0]!);
    expect(await officer.db.lostEdits.count()).toBe(0);
    await officer.sync();
    await colleague.sync();
    expect(await colleague.text(id)).toBe('Bản của tôi');
    expect(await serverText(id)).toBe('Bản của tôi');
  });

  it('says nothing when the pull brings back what she wrote, or changes a field she never touched', async () => {
    const { officer, colleague, id } = await sharedItem();
    now += MINUTE;
    await colleague.write(id, { lead: 'Tham mưu' });
    await colleague.sync();
    await officer.sync();
    await officer.sync();
    expect(await officer.db.lostEdits.count()).toBe(0);
  });
});
