import type pg from 'pg';

/**
 * One pooled connection kept for the small reads every request makes (the token lookups, one query
 * a turn of the event loop): a query asked while the previous one is still out is pipelined behind
 * it on this connection, instead of taking a connection of the pool and a round trip of its own.
 * Each lookup is still a query: nothing is cached. A broken connection is dropped, and the next
 * lookup takes another.
 */
export function pipelinedLookups(pool: pg.Pool) {
  let held: Promise<pg.PoolClient> | undefined;
  let current: pg.PoolClient | undefined;

  const drop = (client: pg.PoolClient, broken: Error) => {
    if (current !== client) return;
    current = undefined;
    held = undefined;
    client.release(broken);
  };

  const connection = () => {
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
  };

  return {
    query: async <R extends pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>> =>
      (await connection()).query<R>(config),
    /** Gives the connection back to the pool, so that the pool can end. */
    release: async () => {
      await held?.catch(() => undefined);
      current?.release();
      current = undefined;
      held = undefined;
    },
  };
}
