import { type FileHandle, open } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { startWorkerModule } from '../../worker-module';
import type { CheckpointerClosed, CheckpointerData, CheckpointerRequest } from './checkpointer';

const WAL_CHECKPOINT_MS = 1000;

interface Checkpointer {
  worker: Worker;
  /** What each database being closed waits for, by its id. */
  closing: Map<number, () => void>;
  running: boolean;
}
let current: Checkpointer | undefined;
let lastId = 0;

/**
 * The process's checkpointer thread (`checkpointer.ts`), started with the first database and kept
 * for the next ones: starting a thread that loads TypeScript costs more than a test's whole
 * database, and tests open hundreds in one process.
 */
function checkpointer(): Checkpointer {
  if (current?.running) return current;
  const workerData: CheckpointerData = { everyMs: WAL_CHECKPOINT_MS };
  const worker = startWorkerModule(new URL('./checkpointer.ts', import.meta.url), { workerData });
  const started: Checkpointer = { worker, closing: new Map(), running: true };
  const settle = (id: number) => {
    started.closing.get(id)?.();
    started.closing.delete(id);
    if (started.closing.size === 0) worker.unref();
  };
  worker.unref();
  worker.on('message', ({ closed }: CheckpointerClosed) => settle(closed));
  // A failing checkpointer costs only a longer WAL: the server's close still checkpoints it all.
  worker.on('error', () => undefined);
  worker.once('exit', () => {
    started.running = false;
    for (const id of [...started.closing.keys()]) settle(id);
  });
  current = started;
  return started;
}

/**
 * Has the file at `path` checkpointed off the server's thread; resolves, once asked to stop, when
 * the checkpointer's connection to it is closed.
 */
export function startCheckpointer(path: string): () => Promise<void> {
  const thread = checkpointer();
  const id = ++lastId;
  thread.worker.postMessage({ open: id, path } satisfies CheckpointerRequest);
  return () =>
    new Promise<void>((done) => {
      if (!thread.running) return done();
      // Held while it closes: an unreferenced worker would let the process exit before it has.
      thread.worker.ref();
      thread.closing.set(id, done);
      thread.worker.postMessage({ close: id } satisfies CheckpointerRequest);
    });
}

/**
 * The WAL's flush to disk, run on libuv's threads while the server's thread goes on. With
 * `synchronous = NORMAL` a commit reaches the operating system only, and a power cut or a kernel
 * crash could take the last second of commits with it: clips whose outbox rows the clients had
 * already dropped, and revisions handed out again after clients' cursors had passed them.
 * `synchronous = FULL` syncs inside each COMMIT, on the event loop, which lowered the throughput at
 * saturation (measured in alternating runs). Each caller with a commit not yet flushed runs a flush
 * of its own: one flush joined by every commit of the moment bought too little to keep
 * (docs/performance.md).
 */
export function walFlush(path: string) {
  let handle: Promise<FileHandle> | undefined;
  // Opened once a commit has made the WAL, and closed after SQLite is: closing any descriptor of a
  // file drops the process's POSIX locks on it, SQLite's included.
  const wal = () =>
    (handle ??= open(`${path}-wal`, 'r').catch((error: unknown) => {
      handle = undefined;
      throw error;
    }));
  // Commits counted: a flush begun after the count reached n has every one of them on disk.
  let written = 0;
  let flushed = 0;
  return {
    /** Marks a commit made (handed to the operating system, not yet on disk). */
    wrote(): void {
      written += 1;
    },
    /** Resolves once every commit marked before the call is on disk; rejects if the flush failed. */
    async durable(): Promise<void> {
      const target = written;
      if (flushed >= target || path === ':memory:') return;
      await (await wal()).datasync();
      flushed = Math.max(flushed, target);
    },
    close: async () => (await handle?.catch(() => undefined))?.close(),
  };
}
