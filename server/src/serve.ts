import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AppOptions, createApp } from './app';
import { reportWorkers } from './reports/report-workers';
import type { Storage } from './storage/port';

export interface RunningServer {
  url: string;
  /** Stops taking connections, lets in-flight requests finish, then ends the report workers and closes the storage. */
  close(): Promise<void>;
}

export interface ServeOptions extends Omit<AppOptions, 'storage'> {
  host?: string;
  port?: number;
  /** How long in-flight requests get to finish on shutdown before their connections are cut. */
  drainMs?: number;
}

export function startServer(
  storage: Storage,
  { host = '127.0.0.1', port = 8787, drainMs = 10_000, ...appOptions }: ServeOptions = {},
): Promise<RunningServer> {
  const app = createApp({ storage, ...appOptions });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ url: `http://${shownHost}:${info.port}`, close: () => drain(server as Server, storage, drainMs) });
    });
    server.once('error', reject);
  });
}

function drain(server: Server, storage: Storage, drainMs: number): Promise<void> {
  return new Promise<void>((done) => {
    // A push cut mid-transaction would be rolled back and retried by its client, so the deadline
    // only bounds the wait; nothing acknowledged depends on it.
    const deadline = setTimeout(() => server.closeAllConnections(), drainMs);
    // A keep-alive connection whose request finishes after `close` would otherwise stay open until
    // the client's idle timeout: close each one as soon as it falls idle.
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    server.close(() => {
      clearTimeout(deadline);
      clearInterval(sweep);
      // The report workers are unreferenced while idle, so they never hold the process open, but
      // a server that stops ends them rather than leaving their threads to the process's exit.
      Promise.allSettled([reportWorkers.close(), storage.close()]).then(() => done());
    });
  });
}
