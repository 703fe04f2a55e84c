import type { SyncTransaction } from './port';

/**
 * One open transaction of a group, as a dialect provides it: the handle the works write through,
 * a savepoint before each work (`mark`), and the ways out of it and of the whole transaction.
 */
export interface GroupSession {
  tx: SyncTransaction;
  mark(): unknown;
  /** The work succeeded: its changes stay in the transaction. */
  keep(): unknown;
  /** The work failed: back to its mark, nothing of it kept. */
  undo(): unknown;
  commit(): unknown;
  /** Rolls the whole transaction back (it failed, or a work failed alone in it). */
  abort(): unknown;
}

export interface GroupCommitOptions {
  /** Begins the transaction of one group of works, all of the same key. */
  open(key: string): GroupSession | Promise<GroupSession>;
  /** Runs the groups of one key one after the other (and whatever else must not run alongside them). */
  serialize(key: string, run: () => Promise<void>): Promise<void>;
}

interface Waiting {
  work: (tx: SyncTransaction) => Promise<unknown>;
  done: (value: unknown) => void;
  fail: (error: unknown) => void;
}
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: the works that ask for a transaction of the same key while the previous group of
 * that key runs (or within the same turn of the event loop) share one transaction, each inside its
 * own savepoint. One commit (one WAL append, one fsync) then serves them all; a work that fails
 * rolls back to its savepoint, so it changes nothing while the others commit. Every work is
 * answered only after the shared COMMIT returned, with its own result or error.
 */
export function groupCommit({ open, serialize }: GroupCommitOptions) {
  const waiting = new Map<string, Waiting[]>();

  async function runGroup(key: string): Promise<void> {
    const group = waiting.get(key) ?? [];
    waiting.delete(key);
    // Alone in its transaction, a work needs no savepoint: its failure rolls the transaction back.
    const alone = group.length === 1;
    const outcomes: Outcome[] = [];
    let session: GroupSession | undefined;
    try {
      session = await open(key);
      for (const { work } of group) {
        if (!alone) await session.mark();
        try {
          const value = await work(session.tx);
          if (!alone) await session.keep();
          outcomes.push({ ok: true, value });
        } catch (error) {
          if (alone) throw error;
          await session.undo();
          outcomes.push({ ok: false, error });
        }
      }
      await session.commit();
    } catch (error) {
      // The transaction itself failed (lost connection, disk full): nothing of the group is kept.
      await Promise.resolve(session?.abort()).catch(() => undefined);
      for (const { fail } of group) fail(error);
      return;
    }
    group.forEach(({ done, fail }, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) done(outcome.value);
      else fail(outcome.error);
    });
  }

  return <T>(key: string, work: (tx: SyncTransaction) => Promise<T>): Promise<T> =>
    new Promise<T>((done, fail) => {
      const group = waiting.get(key);
      if (group) {
        group.push({ work, done: done as (value: unknown) => void, fail });
        return;
      }
      waiting.set(key, [{ work, done: done as (value: unknown) => void, fail }]);
      setImmediate(() => void serialize(key, () => runGroup(key)));
    });
}

/** Runs the tasks of each key one after the other, and those of different keys side by side. */
export function serialPerKey(): GroupCommitOptions['serialize'] {
  const tails = new Map<string, Promise<void>>();
  return (key, run) => {
    const result = (tails.get(key) ?? Promise.resolve()).then(run);
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
