import { describe, expect, it } from 'vitest';
import { BuildsBusyError, UnitBuildLimit } from './unit-build-limit';

/** A build that ends when the test says so, and tells whether it has started. */
function build(log: string[], name: string) {
  let finish = () => {};
  const ended = new Promise<void>((done) => {
    finish = done;
  });
  return {
    run: async () => {
      log.push(`start ${name}`);
      await ended;
      log.push(`end ${name}`);
      return name;
    },
    finish: () => finish(),
  };
}

const turn = () => new Promise((done) => setImmediate(done));

describe('UnitBuildLimit', () => {
  it('runs two builds of a unit, queues the next two, refuses the fifth, and leaves other units alone', async () => {
    const limit = new UnitBuildLimit({ running: 2, queued: 2, retryAfterSeconds: 7 });
    const log: string[] = [];
    const builds = ['a1', 'a2', 'a3', 'a4'].map((name) => build(log, name));
    const results = builds.map((b) => limit.run('A', b.run));
    const refused = limit.run('A', build(log, 'a5').run).catch((error: unknown) => error);
    const other = build(log, 'b1');
    const otherResult = limit.run('B', other.run);
    await turn();
    expect(log).toEqual(['start a1', 'start a2', 'start b1']);
    const error = await refused;
    expect(error).toBeInstanceOf(BuildsBusyError);
    expect(error).toMatchObject({
      retryAfterSeconds: 7,
      message: expect.stringMatching(/thử lại sau 7 giây \/ .*retry in 7 s/),
    });

    other.finish();
    expect(await otherResult).toBe('b1');
    builds[1]!.finish();
    await turn();
    // The turn a2 leaves goes to the first build waiting, a3; a4 still waits.
    expect(log).toEqual(['start a1', 'start a2', 'start b1', 'end b1', 'end a2', 'start a3']);
    builds[0]!.finish();
    builds[2]!.finish();
    builds[3]!.finish();
    expect(await Promise.all(results)).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('gives the turn back when a build fails, and starts afresh once a unit has none running', async () => {
    const limit = new UnitBuildLimit({ running: 1, queued: 0 });
    await expect(limit.run('A', () => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    expect(await limit.run('A', async () => 'next')).toBe('next');
    const log: string[] = [];
    const held = build(log, 'held');
    const running = limit.run('A', held.run);
    await expect(limit.run('A', async () => 'refused')).rejects.toMatchObject({ retryAfterSeconds: 5 });
    held.finish();
    await running;
    expect(await limit.run('A', async () => 'free again')).toBe('free again');
  });
});
