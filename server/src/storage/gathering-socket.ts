import { Socket } from 'node:net';

/**
 * A socket that sends what is written to it in one turn of the event loop as one write. The `pg`
 * driver writes each protocol message apart (Parse, Bind, Describe, Execute, Sync: five writes a
 * query, more with pipelined queries), and each write was a system call: 29 % of the server's CPU
 * per push on PostgreSQL (profiled).
 */
export class GatheringSocket extends Socket {
  #corked = false;

  override write(chunk: Uint8Array | string, callback?: (error?: Error | null) => void): boolean;
  override write(
    chunk: Uint8Array | string,
    encoding?: BufferEncoding,
    callback?: (error?: Error | null) => void,
  ): boolean;
  override write(...args: unknown[]): boolean {
    if (!this.#corked) {
      this.#corked = true;
      this.cork();
      process.nextTick(() => {
        this.#corked = false;
        this.uncork();
      });
    }
    return Reflect.apply(super.write, this, args);
  }
}
