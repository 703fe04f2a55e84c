/**
 * Lookups by key asked in one turn of the event loop, answered by one call for all of them: each
 * request's lookup alone cost a transaction (SQLite) or a query and a system call (PostgreSQL) of
 * its own. Nothing is kept between turns: every lookup reads the database after it was asked.
 */
export function batchPerTurn<K, V>(lookUpAll: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  type Waiting = { key: K; done: (value: V | undefined) => void; fail: (error: unknown) => void };
  let batch: Waiting[] | undefined;

  const answer = async (waiting: Waiting[]) => {
    try {
      const found = await lookUpAll([...new Set(waiting.map((w) => w.key))]);
      for (const { key, done } of waiting) done(found.get(key));
    } catch (error) {
      for (const { fail } of waiting) fail(error);
    }
  };

  return (key) =>
    new Promise((done, fail) => {
      if (!batch) {
        const waiting: Waiting[] = [];
        batch = waiting;
        // After the poll phase: the requests read in this turn have all asked by then.
        setImmediate(() => {
          batch = undefined;
          void answer(waiting);
        });
      }
      batch.push({ key, done, fail });
    });
}

/** The plain version of `batchPerTurn`: each lookup a call of its own. */
export function lookUpEach<K, V>(lookUpAll: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  return async (key) => (await lookUpAll([key])).get(key);
}
