import { formatHlc, hlcMs, SERVER_TIME_HEADER } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveClip } from '../capture/clip';
import { type GomDb, openGomDb, readMeta, writeMeta } from '../store/db';
import { writeItem } from '../store/write-item';
import { clockIsWrong, correctedNow, settleClock, timedFetch } from './server-clock';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const SERVER = Date.UTC(2026, 11, 7, 9);
const YEAR = 365 * 86_400_000;
const reading = (offsetMs: number) => ({ serverMs: SERVER, offsetMs, maxDriftMs: 5 * 60_000 });

describe('timedFetch', () => {
  it('reads the offset halfway through the round trip, and keeps the last reading when an answer tells no time', async () => {
    let pc = SERVER - 1000;
    const answers = [new Response('{}', { headers: { [SERVER_TIME_HEADER]: String(SERVER) } }), new Response('{}')];
    const timed = timedFetch(
      async () => {
        pc += 200; // a 200 ms round trip: the server stamped its answer halfway, at PC time SERVER - 900
        return answers.shift()!;
      },
      () => pc,
    );
    expect(timed.latest()).toBeUndefined();
    await timed.fetch('http://gom.test/v1/health');
    expect(timed.latest()).toEqual({ serverMs: SERVER, offsetMs: 900, maxDriftMs: 5 * 60_000 });
    await timed.fetch('http://gom.test/v1/health');
    expect(timed.latest()?.offsetMs).toBe(900);
  });
});

describe('clock offset', () => {
  it('dates a clip by the server’s time once an offset is known', async () => {
    await writeMeta(db, 'clockOffset', YEAR + 86_400_000);
    const pcNow = new Date(Date.UTC(2020, 0, 1, 3));
    expect((await correctedNow(db, pcNow)).toISOString()).toBe('2021-01-01T03:00:00.000Z');
    const id = await saveClip(db, { text: 'Tiếp đoàn Lào', url: null, title: null }, pcNow);
    const record = await db.items.get(id);
    expect(record?.fields.occurredOn).toBe('2021-01-01');
    expect(hlcMs(record!.clocks.text!)).toBe(pcNow.getTime() + YEAR + 86_400_000);
  });

  it('tells the officer of a clock off by more than the drift only', () => {
    expect(clockIsWrong(undefined)).toBe(false);
    expect(clockIsWrong(4 * 60_000)).toBe(false);
    expect(clockIsWrong(-6 * 60_000)).toBe(true);
  });
});

describe('settleClock', () => {
  it('stamps again, by the server’s time and in queue order, the writes a PC a year ahead made before any offset was known', async () => {
    const id = crypto.randomUUID();
    await writeItem(db, id, { text: 'Một', occurredOn: '2026-12-07' }, SERVER + YEAR);
    await writeItem(db, id, { text: 'Hai' }, SERVER + YEAR + 60_000);
    const settled = await settleClock(db, reading(-YEAR), SERVER + YEAR + 120_000);
    // Its own clocks ran a year ahead too: lowered with the rest, and everything pulled again.
    expect(settled).toEqual({ restamped: 2, healed: true });
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((row) => hlcMs(row.hlc))).toEqual([SERVER, SERVER + 60_000]);
    expect(rows.every((row) => row.clockOffset === -YEAR)).toBe(true);
    const item = await db.items.get(id);
    expect(item?.clocks.text).toBe(rows[1]!.hlc);
    expect(item?.clocks.occurredOn).toBe(rows[0]!.hlc);
    expect(await readMeta(db, 'hlc')).toBe(rows[1]!.hlc);
    expect(await readMeta(db, 'clockOffset')).toBe(-YEAR);
    // Settled once, nothing more to do.
    expect(await settleClock(db, reading(-YEAR))).toEqual({ restamped: 0, healed: false });
  });

  it('leaves alone the writes of a PC whose clock is right', async () => {
    await writeItem(db, crypto.randomUUID(), { text: 'Một', occurredOn: '2026-12-07' }, SERVER - 1000);
    const before = await db.outbox.toArray();
    expect(await settleClock(db, reading(1000))).toEqual({ restamped: 0, healed: false });
    expect(await db.outbox.toArray()).toEqual(before);
  });

  it('heals a replica holding the greatest clock: its writes re-stamped, the clocks it pulled lowered, the cursor back to 0', async () => {
    const pulled = crypto.randomUUID();
    const top = '9999999999999-9999-zz';
    await db.items.put({ id: pulled, authorId: null, fields: { text: 'Kéo về' }, clocks: { text: top } });
    await writeMeta(db, 'hlc', top);
    await writeMeta(db, 'cursor', 42);
    const own = crypto.randomUUID();
    await writeItem(db, own, { text: 'Của tôi', occurredOn: '2026-12-07' }, SERVER);
    expect((await db.outbox.toArray())[0]!.hlc).toMatch(/^9999999999999-/);

    expect(await settleClock(db, reading(0), SERVER)).toEqual({ restamped: 1, healed: true });
    const [row] = await db.outbox.toArray();
    expect(hlcMs(row!.hlc)).toBe(SERVER);
    expect((await db.items.get(own))?.clocks.text).toBe(row!.hlc);
    expect((await db.items.get(pulled))?.clocks.text).toBe('0000000000000-0000-0');
    expect(await readMeta(db, 'cursor')).toBe(0);
    expect(await readMeta(db, 'hlc')).toBe(row!.hlc);
    // The next write is stamped by the time again.
    await writeItem(db, own, { text: 'Sửa' }, SERVER + 1000);
    expect(hlcMs((await db.items.get(own))!.clocks.text!)).toBe(SERVER + 1000);
  });

  it('never stamps a write below what its fields held when it was made', async () => {
    const id = crypto.randomUUID();
    const held = formatHlc({ ms: SERVER + 60_000, counter: 3, node: 'colleague' });
    await db.items.put({ id, authorId: null, fields: { text: 'Của đồng nghiệp' }, clocks: { text: held } });
    await writeItem(db, id, { text: 'Sửa sau khi đã xem' }, SERVER + YEAR);
    await settleClock(db, reading(-YEAR), SERVER + YEAR);
    expect((await db.items.get(id))!.clocks.text! > held).toBe(true);
  });
});
