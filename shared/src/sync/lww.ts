import type { ItemField, ItemFieldsPatch } from '../item';
import type { Mutation, VersionedItem } from './protocol';
import type { ItemClocks } from './record';

export interface MergeResult {
  fields: ItemFieldsPatch;
  clocks: ItemClocks;
  /** The fields whose value the incoming write changed. */
  changed: ItemField[];
}

/**
 * Per-field last-writer-wins: each incoming field replaces the held one only when its clock is
 * greater. Clocks are totally ordered strings, so every replica that has seen the same writes
 * holds the same fields, whatever order the writes arrived in.
 */
export function mergeFields(
  held: Pick<VersionedItem, 'fields' | 'clocks'> | undefined,
  incoming: Pick<VersionedItem, 'fields' | 'clocks'>,
): MergeResult {
  const fields: ItemFieldsPatch = { ...held?.fields };
  const clocks: ItemClocks = { ...held?.clocks };
  const changed: ItemField[] = [];
  for (const field of Object.keys(incoming.fields) as ItemField[]) {
    const clock = incoming.clocks[field];
    if (clock === undefined) continue;
    const heldClock = clocks[field];
    if (heldClock !== undefined && heldClock >= clock) continue;
    (fields as Record<string, unknown>)[field] = incoming.fields[field];
    clocks[field] = clock;
    changed.push(field);
  }
  return { fields, clocks, changed };
}

/** A mutation seen as a versioned write: every field it sets carries the mutation's clock. */
export function mutationAsVersioned(mutation: Mutation): Pick<VersionedItem, 'fields' | 'clocks'> {
  const clocks: ItemClocks = {};
  for (const field of Object.keys(mutation.set) as ItemField[]) clocks[field] = mutation.hlc;
  return { fields: mutation.set, clocks };
}

/**
 * The writes that rebuild an item on a replica that lost it: one per clock, oldest first, each
 * setting the fields that clock wrote. Merging them into nothing, or into any older version of the
 * item, gives the item back field by field and clock by clock.
 */
export function versionedAsWrites(
  item: Pick<VersionedItem, 'fields' | 'clocks'>,
): Array<Pick<Mutation, 'hlc' | 'set'>> {
  const byClock = new Map<string, ItemFieldsPatch>();
  for (const field of Object.keys(item.fields) as ItemField[]) {
    const hlc = item.clocks[field];
    if (hlc === undefined) continue;
    const set = byClock.get(hlc) ?? {};
    (set as Record<string, unknown>)[field] = item.fields[field];
    byClock.set(hlc, set);
  }
  return [...byClock].sort(([a], [b]) => (a < b ? -1 : 1)).map(([hlc, set]) => ({ hlc, set }));
}
