import { formatHlc, type Hlc, hlcMs, type ItemClocks, isClockAhead, type PushRequest, parseHlc } from '@gom/shared';
import type { Storage } from '../storage/port';

/** The server's clock and how far ahead of it a pushed clock may run (docs/sync.md, "Clocks"). */
export interface ClockPolicy {
  now: () => number;
  maxClockDriftMs: number;
}

/** The first mutation of a push whose clock runs further ahead of the server's time than the drift allows. */
export function clockAheadIn(request: PushRequest, { now, maxClockDriftMs }: ClockPolicy): Hlc | undefined {
  const serverMs = now();
  return request.mutations.find((m) => isClockAhead(m.hlc, serverMs, maxClockDriftMs))?.hlc;
}

/**
 * An item's clocks with every clock beyond `limitMs` brought back to `healMs`, its node kept; none
 * when no clock is beyond. What a clock too far ahead wrote stays: only the clock that let it win
 * every later edit goes.
 */
export function healedClocks(clocks: ItemClocks, limitMs: number, healMs: number): ItemClocks | undefined {
  let healed: ItemClocks | undefined;
  for (const [field, clock] of Object.entries(clocks) as Array<[keyof ItemClocks, Hlc]>) {
    if (hlcMs(clock) <= limitMs) continue;
    healed ??= { ...clocks };
    healed[field] = formatHlc({ ms: healMs, counter: 0, node: parseHlc(clock).node });
  }
  return healed;
}

/**
 * Brings back every stored clock beyond the server's time plus the drift, as a server started on a
 * database that a push from before the drift bound poisoned: the item takes a new revision, so
 * every client pulls the healed clocks (and drops its own copies of the poisoned ones, docs/sync.md).
 * Resolves to the units healed and how many items each.
 */
export async function healFutureClocks(
  storage: Storage,
  { now, maxClockDriftMs }: ClockPolicy,
): Promise<Array<{ unitId: string; items: number }>> {
  const healMs = now();
  const limitMs = healMs + maxClockDriftMs;
  const byUnit = new Map<string, string[]>();
  for (const { unitId, itemId } of await storage.itemsClockedAfter(limitMs)) {
    byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), itemId]);
  }
  const healed: Array<{ unitId: string; items: number }> = [];
  for (const [unitId, itemIds] of byUnit) {
    let count = 0;
    await storage.push(unitId, {
      clientId: 'gom-clock-heal',
      mutationIds: [],
      itemIds,
      merge: ({ items }) => {
        const changed = [...items.values()].flatMap(({ rev: _rev, ...item }) => {
          const clocks = healedClocks(item.clocks, limitMs, healMs);
          return clocks ? [{ ...item, clocks }] : [];
        });
        count = changed.length;
        return { items: changed, mutationIds: [] };
      },
    });
    healed.push({ unitId, items: count });
  }
  return healed;
}
