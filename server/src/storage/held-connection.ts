import type pg from 'pg';

/**
 * One pooled connection kept for work that comes often and one at a time or pipelined (the token
 * lookups; the group transactions): taking a connection from the pool each time costs a turn of
 * the event loop, about a millisecond under load (measured), and a query asked while the previous
 * one is still out is pipelined behind it instead of taking a connection and a round trip of its
 * own. A broken connection is dropped, and the next use takes another.
 */
export type HeldConnection = ReturnType<typeof heldConnection>;

export function heldConnection(pool: pg.Pool) {
  let held: Promise<pg.PoolClient> | undefined;
  let current: pg.PoolClient | undefined;

  const drop = (client: pg.PoolClient, broken: Error) => {
    if (current !== client) return;
    current = undefined;
    held = undefined;
    client.release(broken);
  };

  return {
    /** The held connection, connected first if need be. */
    client: (): Promise<pg.PoolClient> => {
      held ??= pool.connect().then(
        (client) => {
          client.once('error', (error: Error) => drop(client, error));
          client.once('end', () => drop(client, new Error('Connection ended')));
          current = client;
          return client;
        },
        (error: unknown) => {
          held = undefined;
          throw error;
        },
      );
      return held;
    },
    /** Gives up a connection that failed, so that the next use connects again. */
    drop,
    /** Gives the connection back to the pool, so that the pool can end. */
    release: async () => {
      await held?.catch(() => undefined);
      current?.release();
      current = undefined;
      held = undefined;
    },
  };
}
