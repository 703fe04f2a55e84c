import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GatheringSocket } from './gathering-socket';

describe('GatheringSocket', () => {
  const server = createServer();
  afterEach(() => server.close());

  it("sends one turn's writes in one system call, and each turn's apart", async () => {
    const received: Buffer[] = [];
    server.on('connection', (peer: Socket) => peer.on('data', (chunk: Buffer) => received.push(chunk)));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const socket = new GatheringSocket();
    socket.connect((server.address() as AddressInfo).port, '127.0.0.1');
    await once(socket, 'connect');
    const writes: number[] = [];
    const handle = socket as unknown as { _writev: (chunks: unknown[], cb: () => void) => void };
    const writev = handle._writev.bind(socket);
    handle._writev = (chunks, cb) => {
      writes.push(chunks.length);
      writev(chunks, cb);
    };
    for (const part of ['Parse', 'Bind', 'Describe', 'Execute', 'Sync']) socket.write(part);
    await new Promise((done) => setImmediate(done));
    for (const part of ['Bind', 'Sync']) socket.write(part);
    socket.end();
    await once(socket, 'close');
    expect(writes).toEqual([5, 2]);
    expect(Buffer.concat(received).toString()).toBe('ParseBindDescribeExecuteSyncBindSync');
  });
});
