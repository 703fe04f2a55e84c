import { Socket } from 'node:net';

/**
 * A socket that sends what is written to it in one turn of the event loop as one write. The `pg`
 * driver writes each protocol message apart (Parse, Bind, Describe, Execute, Sync: five writes a
 * query, more with pipelined queries), and corks only around one query: a transaction's pipelined
 * statements were a system call each.
 */
export class GatheringSocket extends Socket {
  #corked = false;

  /**
   * `net.Socket#connect` sets the instance's `write` back to `Socket.prototype.write` (undoing its
   * guard against writes after end), which would hide the override below: it is put back here.
   */
  override connect(...args: unknown[]): this {
    Reflect.apply(super.connect, this, args);
    this.write = GatheringSocket.prototype.write;
    return this;
  }

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
