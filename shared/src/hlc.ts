/**
 * Hybrid logical clocks as strings: `<13-digit epoch ms>-<4-digit counter>-<node id>`.
 * Fixed widths make plain string comparison the clock order, and the node id at the end breaks
 * ties between two officers' PCs that wrote in the same millisecond.
 */
export type Hlc = string;

export const HLC_PATTERN = /^\d{13}-\d{4}-[A-Za-z0-9_]{1,64}$/;
const MAX_COUNTER = 9999;

export interface HlcParts {
  ms: number;
  counter: number;
  node: string;
}

export function parseHlc(hlc: Hlc): HlcParts {
  if (!HLC_PATTERN.test(hlc)) throw new Error(`Invalid HLC: ${hlc}`);
  return {
    ms: Number(hlc.slice(0, 13)),
    counter: Number(hlc.slice(14, 18)),
    node: hlc.slice(19),
  };
}

export function formatHlc({ ms, counter, node }: HlcParts): Hlc {
  return `${String(ms).padStart(13, '0')}-${String(counter).padStart(4, '0')}-${node}`;
}

/** The clock of a local write: never behind the last clock this node saw, whatever the wall clock says. */
export function tickHlc(last: Hlc | undefined, nowMs: number, node: string): Hlc {
  const prev = last ? parseHlc(last) : undefined;
  if (!prev || nowMs > prev.ms) return formatHlc({ ms: nowMs, counter: 0, node });
  if (prev.counter < MAX_COUNTER) return formatHlc({ ms: prev.ms, counter: prev.counter + 1, node });
  return formatHlc({ ms: prev.ms + 1, counter: 0, node });
}

/** The greater of two clocks (undefined counts as the smallest). */
export function maxHlc(a: Hlc | undefined, b: Hlc | undefined): Hlc | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}

/** The wall-clock time a clock was written at. */
export function hlcToDate(hlc: Hlc): Date {
  return new Date(parseHlc(hlc).ms);
}
