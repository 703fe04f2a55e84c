/**
 * How the server tells its time (docs/sync.md, "Clocks"): every answer carries it, and the drift
 * it allows a pushed clock, in two headers. The client measures its PC's offset from them.
 */
export const SERVER_TIME_HEADER = 'Gom-Time';
export const CLOCK_DRIFT_HEADER = 'Gom-Clock-Drift';

/** The problem type of a push refused for a clock too far ahead: nothing was stored. */
export const CLOCK_AHEAD_PROBLEM = 'urn:gom:problem:clock-ahead';

/** The server's time as one answer told it, and the PC's offset from it. */
export interface ServerClockReading {
  /** The server's time, epoch ms. */
  serverMs: number;
  /** Server time minus the PC's clock, ms: added to the PC's clock it gives the server's time. */
  offsetMs: number;
  /** How far ahead of its time the server takes a clock. */
  maxDriftMs: number;
}

/**
 * The reading an answer gives, or none when it carries no time (a server from before clocks had an
 * authority). The PC's clock is taken halfway between sending and receiving: the server stamped the
 * answer somewhere between, and halfway errs by at most half the round trip.
 */
export function readServerClock(
  headers: { get(name: string): string | null },
  sentMs: number,
  receivedMs: number,
  defaultDriftMs: number,
): ServerClockReading | undefined {
  const serverMs = Number(headers.get(SERVER_TIME_HEADER) ?? Number.NaN);
  if (!Number.isSafeInteger(serverMs) || serverMs <= 0) return undefined;
  const drift = Number(headers.get(CLOCK_DRIFT_HEADER) ?? Number.NaN);
  return {
    serverMs,
    offsetMs: Math.round(serverMs - (sentMs + receivedMs) / 2),
    maxDriftMs: Number.isSafeInteger(drift) && drift >= 0 ? drift : defaultDriftMs,
  };
}
