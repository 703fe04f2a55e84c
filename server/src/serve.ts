import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { Storage } from './storage/port';

export interface RunningServer {
  url: string;
  /** Stops taking connections, lets in-flight requests finish, then closes the storage. */
  close(): Promise<void>;
}

export function startServer(storage: Storage, { host = '127.0.0.1', port = 8787 } = {}): Promise<RunningServer> {
  const app = createApp({ storage });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              storage.close().then(done, done);
            });
          }),
      });
    });
    server.once('error', reject);
  });
}
