import {
  DEFAULT_MAX_CLOCK_DRIFT_MS,
  type Hlc,
  hlcMs,
  type ItemClocks,
  type ItemRecord,
  LOWEST_HLC,
  maxHlc,
  readServerClock,
  type ServerClockReading,
  tickHlc,
} from '@gom/shared';
import { ensureClientId, type GomDb, type OutboxRow, readMeta, writeMeta } from '../store/db';
import type { Fetch } from './server-api';

/**
 * A fetch that reads the server's time off every answer (docs/sync.md, "Clocks"); `latest` is the
 * last reading, none until a server that tells its time has answered.
 */
export function timedFetch(fetch: Fetch, now: () => number = Date.now) {
  let latest: ServerClockReading | undefined;
  const timed: Fetch = async (input, init) => {
    const sent = now();
    const response = await fetch(input, init);
    latest = readServerClock(response.headers, sent, now(), DEFAULT_MAX_CLOCK_DRIFT_MS) ?? latest;
    return response;
  };
  return { fetch: timed, latest: () => latest };
}

/** The time to date and stamp a write by: the PC's clock corrected by the offset the last sync measured. */
export async function correctedNow(db: GomDb, now: Date = new Date()): Promise<Date> {
  const offset = (await readMeta(db, 'clockOffset')) ?? 0;
  return new Date(now.getTime() + offset);
}

/** Whether the PC's clock is off by more than the drift the server allows: the officer is told. */
export function clockIsWrong(offsetMs: number | undefined): boolean {
  return offsetMs !== undefined && Math.abs(offsetMs) > DEFAULT_MAX_CLOCK_DRIFT_MS;
}

/** A queued write stamped by a clock the server will not take, or by a wrong PC clock not corrected yet. */
function needsStamp(row: OutboxRow, reading: ServerClockReading, limitMs: number): boolean {
  if (hlcMs(row.hlc) > limitMs) return true;
  // Only a write made here (it knows its time): a start-over's rows carry clocks the server held.
  return row.at !== undefined && row.clockOffset === undefined && Math.abs(reading.offsetMs) > reading.maxDriftMs;
}

/**
 * The queued writes' new clocks, in queue order: each at the time it was made by the server's
 * clock (the PC's time then plus the offset now), never before what its fields held when it was
 * made, never after the server's time now (`nowMs`, the PC's, plus the offset), and each after the
 * one before it.
 */
function restamp(rows: OutboxRow[], reading: ServerClockReading, limitMs: number, node: string, nowMs: number) {
  const stamped = new Map<number, Hlc>();
  let previous: Hlc | undefined;
  for (const row of rows) {
    if (row.seq === undefined) continue;
    if (!needsStamp(row, reading, limitMs)) {
      previous = maxHlc(previous, row.hlc);
      continue;
    }
    const madeAt = row.at !== undefined ? row.at + reading.offsetMs : hlcMs(row.hlc);
    const at = Math.min(madeAt, nowMs + reading.offsetMs);
    const floor = row.after !== undefined && hlcMs(row.after) <= limitMs ? row.after : undefined;
    const hlc = tickHlc(maxHlc(previous, floor), Number.isFinite(at) ? at : nowMs + reading.offsetMs, node);
    stamped.set(row.seq, hlc);
    previous = hlc;
  }
  return stamped;
}

/** An item's clocks with `from` replaced by `to`, and every clock still beyond the limit lowered to lose. */
function settledClocks(clocks: ItemClocks, renamed: Map<Hlc, Hlc>, limitMs: number): ItemClocks | undefined {
  let settled: ItemClocks | undefined;
  for (const [field, clock] of Object.entries(clocks) as Array<[keyof ItemClocks, Hlc]>) {
    const next = renamed.get(clock) ?? (hlcMs(clock) > limitMs ? LOWEST_HLC : clock);
    if (next === clock) continue;
    settled ??= { ...clocks };
    settled[field] = next;
  }
  return settled;
}

export interface ClockSettlement {
  /** Queued writes given a clock the server takes. */
  restamped: number;
  /** Clocks beyond the server's time were held: they were lowered and everything is pulled again. */
  healed: boolean;
}

/**
 * Brings this replica's clocks under the server's authority, in one transaction: keeps the PC's
 * offset for the writes to come; re-stamps the queued writes the server would refuse or that a
 * wrong PC clock stamped before any offset was known (they never landed: same mutation ids); and,
 * when the replica holds clocks beyond the server's time plus its drift (pulled from a server that
 * took them, or ticked past them), lowers every such clock so that the server's version wins, and
 * pulls everything again from revision 0.
 */
export async function settleClock(
  db: GomDb,
  reading: ServerClockReading,
  nowMs: number = Date.now(),
): Promise<ClockSettlement> {
  const limitMs = reading.serverMs + reading.maxDriftMs;
  const node = await ensureClientId(db);
  return db.transaction('rw', [db.items, db.outbox, db.meta], async () => {
    await writeMeta(db, 'clockOffset', reading.offsetMs);
    const lastHlc = await readMeta(db, 'hlc');
    const poisoned = lastHlc !== undefined && hlcMs(lastHlc) > limitMs;
    const rows = await db.outbox.orderBy('seq').toArray();
    const stamped = restamp(rows, reading, limitMs, node, nowMs);
    if (stamped.size === 0 && !poisoned) return { restamped: 0, healed: false };

    const renamed = new Map<Hlc, Hlc>();
    const restampedRows = rows.flatMap((row) => {
      const hlc = row.seq === undefined ? undefined : stamped.get(row.seq);
      if (hlc === undefined) return [];
      renamed.set(row.hlc, hlc);
      return [{ ...row, hlc, clockOffset: reading.offsetMs }];
    });
    await db.outbox.bulkPut(restampedRows);
    // Only the items the re-stamped writes touched, unless clocks beyond the limit may be anywhere.
    const items: ItemRecord[] = poisoned
      ? await db.items.toArray()
      : (await db.items.bulkGet([...new Set(restampedRows.map((row) => row.itemId))])).filter(
          (item): item is ItemRecord => item !== undefined,
        );
    let greatest: Hlc | undefined = poisoned ? undefined : lastHlc;
    const changed: ItemRecord[] = [];
    for (const item of items) {
      const clocks = settledClocks(item.clocks, renamed, limitMs);
      for (const clock of Object.values(clocks ?? item.clocks)) greatest = maxHlc(greatest, clock);
      if (clocks) changed.push({ ...item, clocks });
    }
    for (const hlc of stamped.values()) greatest = maxHlc(greatest, hlc);
    await db.items.bulkPut(changed);
    if (greatest !== undefined) await writeMeta(db, 'hlc', greatest);
    else await db.meta.delete('hlc');
    if (poisoned) await writeMeta(db, 'cursor', 0);
    return { restamped: restampedRows.length, healed: poisoned };
  });
}

/**
 * Whether writes wait that were queued before this PC's offset was ever measured: the server's time
 * is asked for first. Once measured, the offset is kept and every later write is corrected by it,
 * and the writes queued before were settled with that first measurement.
 */
export async function holdsUncorrectedWrites(db: GomDb): Promise<boolean> {
  if ((await readMeta(db, 'clockOffset')) !== undefined) return false;
  return (await db.outbox.toCollection().first()) !== undefined;
}
