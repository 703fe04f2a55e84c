import { describe, expect, it } from 'vitest';
import { batchPerTurn, lookUpEach } from './turn-batch';

describe('batchPerTurn', () => {
  it("answers one turn's lookups with one call on their distinct keys, and the next turn's with another", async () => {
    const calls: string[][] = [];
    const table = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const lookUp = batchPerTurn(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.flatMap((k) => (table.has(k) ? [[k, table.get(k)!] as const] : [])));
    });
    expect(await Promise.all([lookUp('a'), lookUp('b'), lookUp('a'), lookUp('nobody')])).toEqual([1, 2, 1, undefined]);
    expect(calls).toEqual([['a', 'b', 'nobody']]);
    table.delete('a');
    expect(await lookUp('a')).toBeUndefined();
    expect(calls).toEqual([['a', 'b', 'nobody'], ['a']]);
  });

  it('fails every lookup of a turn whose call fails, and recovers on the next turn', async () => {
    let broken = true;
    const lookUp = batchPerTurn(async (keys: string[]) => {
      if (broken) throw new Error('database gone');
      return new Map(keys.map((k) => [k, k.length]));
    });
    const failed = await Promise.allSettled([lookUp('x'), lookUp('yy')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    broken = false;
    expect(await lookUp('yy')).toBe(2);
  });
});

describe('lookUpEach, the plain version', () => {
  it('answers each lookup with a call of its own', async () => {
    const calls: string[][] = [];
    const lookUp = lookUpEach(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'nobody').map((k) => [k, k.length]));
    });
    expect(await Promise.all([lookUp('a'), lookUp('bb'), lookUp('nobody')])).toEqual([1, 2, undefined]);
    expect(calls).toEqual([['a'], ['bb'], ['nobody']]);
  });
});
