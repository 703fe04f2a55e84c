import { z } from 'zod';

/**
 * Hybrid logical clocks as strings: `<13-digit epoch ms>-<4-digit counter>-<node id>`.
 * Fixed widths make plain string comparison the clock order, and the node id at the end breaks
 * ties between two officers' PCs that wrote in the same millisecond. The server is the authority on
 * time: it refuses clocks too far ahead of its own (docs/sync.md, "Clocks").
 */
export type Hlc = string;

export const HLC_PATTERN = /^\d{13}-\d{4}-[A-Za-z0-9_]{1,64}$/;
export const hlcSchema = z.string().regex(HLC_PATTERN, 'HLC must be <13-digit ms>-<4-digit counter>-<node id>');
const MAX_COUNTER = 9999;
/** The last millisecond 13 digits hold (the year 2286): a clock never goes past it. */
export const MAX_HLC_MS = 9_999_999_999_999;
/** Below every clock a write can carry: a field holding it loses to any version of itself. */
export const LOWEST_HLC: Hlc = '0000000000000-0000-0';

/**
 * How far ahead of the server's time a pushed clock may be. Minutes, not seconds: PCs synchronised
 * by NTP stay well within it, while a PC a day or a year off is caught at its first sync.
 */
export const DEFAULT_MAX_CLOCK_DRIFT_MS = 5 * 60_000;

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

/** The time a clock carries, in epoch ms; a malformed clock counts as the farthest future, to be healed. */
export function hlcMs(hlc: Hlc): number {
  return HLC_PATTERN.test(hlc) ? Number(hlc.slice(0, 13)) : Number.POSITIVE_INFINITY;
}

const clampMs = (ms: number) => Math.min(MAX_HLC_MS, Math.max(0, Math.floor(Number.isFinite(ms) ? ms : 0)));

export function formatHlc({ ms, counter, node }: HlcParts): Hlc {
  return `${String(clampMs(ms)).padStart(13, '0')}-${String(counter).padStart(4, '0')}-${node}`;
}

/**
 * The clock of a local write: never behind the last clock this node saw, whatever the wall clock
 * says. It never throws and never leaves the 13-digit form: a malformed last clock is ignored (the
 * sync heals it), and at the last millisecond 13 digits hold the clock stays at its greatest value.
 */
export function tickHlc(last: Hlc | undefined, nowMs: number, node: string): Hlc {
  const now = clampMs(nowMs);
  const prev = last !== undefined && HLC_PATTERN.test(last) ? parseHlc(last) : undefined;
  if (!prev || now > prev.ms) return formatHlc({ ms: now, counter: 0, node });
  if (prev.counter < MAX_COUNTER) return formatHlc({ ms: prev.ms, counter: prev.counter + 1, node });
  if (prev.ms < MAX_HLC_MS) return formatHlc({ ms: prev.ms + 1, counter: 0, node });
  return formatHlc({ ms: MAX_HLC_MS, counter: MAX_COUNTER, node });
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

/** Whether a clock is further ahead of `nowMs` (the server's time) than the drift allows. */
export function isClockAhead(hlc: Hlc, nowMs: number, maxDriftMs: number = DEFAULT_MAX_CLOCK_DRIFT_MS): boolean {
  return hlcMs(hlc) > nowMs + maxDriftMs;
}
