/**
 * The WAL checkpointer's thread (started by `wal.ts`, one per process): a connection of its own to
 * each database file the process has open, and a passive checkpoint of each on a timer. On the
 * server's thread that checkpoint blocked every request queued behind it, each second under load
 * (it copies every page the second dirtied). A passive checkpoint takes no writer lock, so the
 * server's connection keeps committing meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** What the thread is started with. */
export interface CheckpointerData {
  everyMs: number;
}
/** Checkpoint the file at `path` from now on, or close the connection opened for it. */
export type CheckpointerRequest = { open: number; path: string } | { close: number };
/** The answer to a close: the thread's connection to that file is closed. */
export interface CheckpointerClosed {
  closed: number;
}

const port = parentPort;
if (!port) throw new Error('checkpointer.ts runs as a worker thread only');
const { everyMs } = workerData as CheckpointerData;
const databases = new Map<number, Database.Database>();

function checkpoint(db: Database.Database): void {
  const pass = () => (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]!;
  // SQLite starts the WAL over only at a commit that finds it all copied, so a commit landing
  // during every pass (under a steady load, each pass had one) let it grow without end: again,
  // each pass copying only what came during the one before, until one finds nothing new.
  let before = -1;
  let last = pass();
  for (let again = 0; again < 32 && last.log !== before; again++) {
    before = last.log;
    last = pass();
  }
}

setInterval(() => {
  for (const db of databases.values()) {
    try {
      checkpoint(db);
    } catch {
      // A checkpoint that fails (file busy or gone) is retried on the next tick, or at close.
    }
  }
}, everyMs);

port.on('message', (request: CheckpointerRequest) => {
  if ('open' in request) {
    try {
      databases.set(request.open, new Database(request.path));
    } catch {
      // A file this thread cannot open keeps a longer WAL, which the server's close checkpoints.
    }
    return;
  }
  databases.get(request.close)?.close();
  databases.delete(request.close);
  port.postMessage({ closed: request.close } satisfies CheckpointerClosed);
});
