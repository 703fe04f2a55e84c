import { describe, expect, it } from 'vitest';
import { type GroupSession, groupCommit, serialPerKey } from './group-commit';
import type { SyncTransaction } from './port';

/** A session that writes down what the group asks of it, in order. */
function recorder({ failCommit = false } = {}) {
  const log: string[] = [];
  let opened = 0;
  const open = (key: string): GroupSession => {
    const n = ++opened;
    log.push(`open ${key}#${n}`);
    return {
      tx: { currentRev: async () => n } as unknown as SyncTransaction,
      mark: () => log.push(`mark #${n}`),
      keep: () => log.push(`keep #${n}`),
      undo: () => log.push(`undo #${n}`),
      commit: () => {
        log.push(`commit #${n}`);
        if (failCommit) throw new Error('disk full');
      },
      abort: () => log.push(`abort #${n}`),
    };
  };
  return { log, grouped: groupCommit({ open, serialize: serialPerKey() }) };
}

describe('groupCommit', () => {
  it('runs the works asked for together in one transaction, each in a savepoint, each answered with its own result', async () => {
    const { log, grouped } = recorder();
    const results = await Promise.allSettled([
      grouped('U1', async (tx) => `a${await tx.currentRev('U1')}`),
      grouped('U1', async () => {
        throw new Error('refused');
      }),
      grouped('U1', async () => 'c'),
    ]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 'a1' },
      { status: 'rejected', reason: new Error('refused') },
      { status: 'fulfilled', value: 'c' },
    ]);
    expect(log).toEqual(['open U1#1', 'mark #1', 'keep #1', 'mark #1', 'undo #1', 'mark #1', 'keep #1', 'commit #1']);
  });

  it('needs no savepoint for a work alone, and rolls back the transaction when it fails', async () => {
    const { log, grouped } = recorder();
    expect(await grouped('U1', async () => 'a')).toBe('a');
    await expect(grouped('U1', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(log).toEqual(['open U1#1', 'commit #1', 'open U1#2', 'abort #2']);
  });

  it('fails every work of a group whose commit fails', async () => {
    const { log, grouped } = recorder({ failCommit: true });
    const results = await Promise.allSettled([grouped('U1', async () => 'a'), grouped('U1', async () => 'b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(log.at(-1)).toBe('abort #1');
  });

  it('gives each key its own transactions, and gathers what arrives while a key is busy into its next one', async () => {
    const { log, grouped } = recorder();
    let release = () => {};
    const gate = new Promise<void>((done) => {
      release = done;
    });
    const first = grouped('U1', () => gate.then(() => 'first'));
    const other = grouped('U2', async () => 'other');
    await new Promise((done) => setImmediate(done));
    const later = [grouped('U1', async () => 'b'), grouped('U1', async () => 'c')];
    // U2 is not held up by U1's open transaction.
    expect(await other).toBe('other');
    release();
    expect(await Promise.all([first, ...later])).toEqual(['first', 'b', 'c']);
    expect(log.filter((line) => line.startsWith('open'))).toEqual(['open U1#1', 'open U2#2', 'open U1#3']);
  });
});
