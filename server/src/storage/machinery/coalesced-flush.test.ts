import { describe, expect, it } from 'vitest';
import { coalescedFlush } from './coalesced-flush';

/** A flush that ends when the test says so, recording when each one began. */
function manualFlush() {
  const pending: { done: () => void; fail: (error: Error) => void }[] = [];
  const flush = () =>
    new Promise<void>((done, fail) => {
      pending.push({ done, fail });
    });
  return { flush, pending };
}

const settled = async (promise: Promise<unknown>) => {
  let state = 'waiting';
  promise.then(
    () => {
      state = 'done';
    },
    () => {
      state = 'failed';
    },
  );
  await new Promise((next) => setImmediate(next));
  return state;
};

describe('coalescedFlush', () => {
  it('flushes nothing when nothing was written, and once for the writes made before a flush began', async () => {
    const { flush, pending } = manualFlush();
    const file = coalescedFlush(flush);
    await file.durable();
    expect(pending).toHaveLength(0);

    file.wrote();
    file.wrote();
    const first = file.durable();
    const second = file.durable();
    expect(pending).toHaveLength(1);
    pending[0]!.done();
    await Promise.all([first, second]);
    expect(pending).toHaveLength(1);
    await file.durable();
    expect(pending).toHaveLength(1);
  });

  it('makes a write made during a flush wait for the next flush, which serves every write of the meantime', async () => {
    const { flush, pending } = manualFlush();
    const file = coalescedFlush(flush);
    file.wrote();
    const before = file.durable();
    file.wrote();
    const during = file.durable();
    file.wrote();
    const alsoDuring = file.durable();
    expect(pending).toHaveLength(1);

    pending[0]!.done();
    await before;
    expect(await settled(during)).toBe('waiting');
    expect(pending).toHaveLength(2);
    pending[1]!.done();
    await Promise.all([during, alsoDuring]);
    expect(pending).toHaveLength(2);
  });

  it('fails the writes a failed flush should have covered, and flushes them again when asked next', async () => {
    const { flush, pending } = manualFlush();
    const file = coalescedFlush(flush);
    file.wrote();
    const failing = file.durable();
    pending[0]!.fail(new Error('EIO'));
    await expect(failing).rejects.toThrow('EIO');

    const retried = file.durable();
    expect(pending).toHaveLength(2);
    pending[1]!.done();
    await retried;
  });
});
