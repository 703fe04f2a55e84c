/**
 * Group commit for a file's flush: every write waits for a flush that began after it, and one
 * flush serves all the writes made before it began. A caller asking while a flush runs waits for
 * the next one, which starts as soon as the running one ends; no flush runs when nothing was
 * written since the last one began.
 *
 * @example
 * const wal = coalescedFlush(() => handle.datasync());
 * db.exec(sql);
 * wal.wrote();
 * await wal.durable(); // on disk now
 */
export function coalescedFlush(flush: () => Promise<void>) {
  // Writes are counted, and a flush covers the count as it was when the flush began.
  let written = 0;
  let flushed = 0;
  let running: Promise<void> | undefined;

  const start = () => {
    const covers = written;
    running = flush().then(
      () => {
        flushed = Math.max(flushed, covers);
        running = undefined;
      },
      (error: unknown) => {
        running = undefined;
        throw error;
      },
    );
    return running;
  };

  return {
    /** Marks a write made (committed to the operating system, not yet on disk). */
    wrote(): void {
      written += 1;
    },
    /**
     * Resolves once every write marked before the call is on disk; rejects if the flush that
     * should have covered them failed (the next call flushes again).
     */
    async durable(): Promise<void> {
      const target = written;
      while (flushed < target) await (running ?? start());
    },
  };
}
