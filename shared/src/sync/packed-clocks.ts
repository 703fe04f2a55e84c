import { type ItemField, type ItemFieldsPatch, itemFieldNames } from '../item';
import { HLC_PATTERN } from './hlc';
import type { ItemClocks } from './record';

/** The key of the clock that every field of `fields` without a clock of its own carries. */
export const SHARED_CLOCK = '*';

/**
 * An item's clocks as the server stores and sends them: the clock most of its fields share, once,
 * under `*`, and beside it only the fields written since with another clock. An item is mostly
 * written once, by its clip, so its 16 clocks were one clock 16 times, much of a pulled item's size.
 * The one form the server stores and sends clocks in (docs/sync.md): `packClocks` writes it, and it
 * has no `*` only when no two fields share a clock, or a field has none.
 */
export type PackedClocks = ItemClocks & { [SHARED_CLOCK]?: string };

const fieldNames = new Set<string>(itemFieldNames);

/** Whether a value is packed clocks: HLCs under known fields or `*`. */
export function isPackedClocks(value: unknown): value is PackedClocks {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const [key, clock] of Object.entries(value)) {
    if (!(key === SHARED_CLOCK || fieldNames.has(key)) || typeof clock !== 'string' || !HLC_PATTERN.test(clock)) {
      return false;
    }
  }
  return true;
}

/**
 * The clocks packed: the most frequent clock of `fields` (the latest of equals) under `*`, the rest
 * as they are. Unpacking needs `fields` to know which fields `*` stands for, so clocks that a field
 * of `fields` lacks are left unpacked: `*` would give it one.
 */
export function packClocks(fields: ItemFieldsPatch, clocks: ItemClocks): PackedClocks {
  const counts = new Map<string, number>();
  for (const field of Object.keys(fields) as ItemField[]) {
    const clock = clocks[field];
    if (clock === undefined) return clocks;
    counts.set(clock, (counts.get(clock) ?? 0) + 1);
  }
  let shared: string | undefined;
  let most = 1;
  for (const [clock, count] of counts) {
    if (count > most || (count === most && shared !== undefined && clock > shared)) {
      shared = clock;
      most = count;
    }
  }
  if (shared === undefined) return clocks;
  const packed: PackedClocks = { [SHARED_CLOCK]: shared };
  for (const field of Object.keys(clocks) as ItemField[]) {
    if (clocks[field] !== shared || !(field in fields)) packed[field] = clocks[field];
  }
  return packed;
}

/** Every field's clock again: those of `fields` without one of their own take `*`. */
export function unpackClocks(fields: ItemFieldsPatch, packed: PackedClocks): ItemClocks {
  const shared = packed[SHARED_CLOCK];
  if (shared === undefined) return packed;
  const clocks: ItemClocks = {};
  for (const field of Object.keys(fields) as ItemField[]) clocks[field] = packed[field] ?? shared;
  for (const field of Object.keys(packed) as Array<ItemField | typeof SHARED_CLOCK>) {
    if (field !== SHARED_CLOCK && !(field in clocks)) clocks[field] = packed[field];
  }
  return clocks;
}
