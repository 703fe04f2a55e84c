/**
 * Whether an error is the database's disk (or its quota) being full, from either engine: SQLite's
 * `SQLITE_FULL` (better-sqlite3's `SqliteError.code`; SQLite reports a write's ENOSPC so), Node's
 * `ENOSPC` (the WAL's flush), PostgreSQL's SQLSTATE 53100 `disk_full` (the `pg` error's `code`).
 * SQLite's `SQLITE_IOERR_*` carries no errno, so an fsync that fails for space is not told apart.
 * Causes are followed, for a driver that wraps what it caught.
 */
export function isDiskFull(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 8; depth += 1) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') return true;
    e = cause;
  }
  return false;
}

/** Seconds a client is told to wait before it sends again what a full disk refused. */
export const DISK_FULL_RETRY_AFTER_S = 60;

export interface DiskFullWatch {
  /** A write was refused for a full disk. */
  refused(): void;
  /** A write succeeded: there was room for it. */
  wrote(): void;
  /** Whether the last write was refused for a full disk, lately, and none has succeeded since. */
  readonly full: boolean;
}

/**
 * What `/v1/health` says of the disk: the outcome of the last write, which both engines measure
 * for real (a quota, SQLite's page limit, PostgreSQL's disk on another machine), where free space
 * read on this machine would not. The state lapses after `holdMs` without another refusal, so a
 * load balancer that stops sending writes to an unhealthy server still sees it come back once the
 * disk has room: its clients, told to retry in a minute, keep it refreshed while it is full.
 */
export function diskFullWatch({ now = Date.now, holdMs = 5 * 60_000 } = {}): DiskFullWatch {
  let refusedAt: number | undefined;
  return {
    refused: () => {
      refusedAt = now();
    },
    wrote: () => {
      refusedAt = undefined;
    },
    get full() {
      return refusedAt !== undefined && now() - refusedAt < holdMs;
    },
  };
}
