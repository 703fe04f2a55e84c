import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export interface ClientAddressOptions {
  /**
   * Whether the request comes through the deployment's own reverse proxy, which appends the
   * address it saw to `X-Forwarded-For`: its last entry is then the client's. Anyone can write the
   * header, so it is read only when the deployment says so (`GOM_TRUST_PROXY=1`).
   */
  trustProxy?: boolean;
}

/** What a request without a socket (`app.request()` in tests) counts as. */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The address a request came from: the socket's peer, which behind a reverse proxy is the proxy's
 * own for every client, unless the proxy is trusted to name the client.
 *
 * @example
 * authFailureLimit({ key: clientAddress({ trustProxy: true }) })
 */
export function clientAddress({ trustProxy = false }: ClientAddressOptions = {}): (c: Context) => string {
  return (c) => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? UNKNOWN_ADDRESS;
    } catch {
      // No Node socket behind the request: Hono's `app.request()`, without an env.
      return UNKNOWN_ADDRESS;
    }
  };
}
