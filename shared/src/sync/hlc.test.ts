import { describe, expect, it } from 'vitest';
import { formatHlc, hlcMs, isClockAhead, maxHlc, parseHlc, tickHlc } from './hlc';

describe('hlc', () => {
  it('formats with fixed widths so string order is clock order', () => {
    const a = formatHlc({ ms: 999, counter: 2, node: 'b' });
    const b = formatHlc({ ms: 1000, counter: 0, node: 'a' });
    expect(a).toBe('0000000000999-0002-b');
    expect(a < b).toBe(true);
  });

  it('round-trips through parse', () => {
    expect(parseHlc('1700000000000-0042-node_1')).toEqual({ ms: 1700000000000, counter: 42, node: 'node_1' });
  });

  it('rejects malformed clocks', () => {
    expect(() => parseHlc('17-1-x')).toThrow(/Invalid HLC/);
    expect(() => parseHlc('1700000000000-0042-')).toThrow(/Invalid HLC/);
  });

  it('moves forward with the wall clock', () => {
    expect(tickHlc(undefined, 1700000000000, 'n')).toBe('1700000000000-0000-n');
    expect(tickHlc('1700000000000-0005-n', 1700000000001, 'n')).toBe('1700000000001-0000-n');
  });

  it('never goes back when the wall clock does', () => {
    const last = '1700000000500-0003-other';
    const next = tickHlc(last, 1700000000000, 'n');
    expect(next).toBe('1700000000500-0004-n');
    expect(next > last).toBe(true);
  });

  it('carries into the next millisecond when the counter is full', () => {
    expect(tickHlc('1700000000000-9999-n', 1700000000000, 'n')).toBe('1700000000001-0000-n');
  });

  it('takes the greater clock', () => {
    expect(maxHlc(undefined, '1700000000000-0000-a')).toBe('1700000000000-0000-a');
    expect(maxHlc('1700000000000-0000-b', '1700000000000-0000-a')).toBe('1700000000000-0000-b');
  });
});

describe('hlc bounds', () => {
  it('never leaves 13 digits, nor throws, at the greatest clock', () => {
    const top = '9999999999999-9999-zz';
    expect(tickHlc(top, Date.UTC(2026, 0, 1), 'n')).toBe('9999999999999-9999-n');
    expect(tickHlc('9999999999999-0000-zz', 0, 'n')).toBe('9999999999999-0001-n');
    expect(tickHlc(undefined, 1e15, 'n')).toBe('9999999999999-0000-n');
    expect(tickHlc(undefined, -5, 'n')).toBe('0000000000000-0000-n');
  });

  it('ignores a malformed last clock instead of throwing', () => {
    expect(tickHlc('10000000000000-0000-zz', 1700000000000, 'n')).toBe('1700000000000-0000-n');
  });

  it('stays in form through 20,000 writes at the last millisecond', () => {
    let clock: string | undefined = '9999999999998-9990-a';
    for (let i = 0; i < 20_000; i += 1) {
      const next = tickHlc(clock, 0, 'a');
      expect(next >= (clock as string)).toBe(true);
      clock = next;
    }
    expect(clock).toMatch(/^\d{13}-\d{4}-a$/);
  });

  it('reads a malformed clock as the farthest future', () => {
    expect(hlcMs('1700000000000-0000-a')).toBe(1700000000000);
    expect(hlcMs('10000000000000-0000-a')).toBe(Number.POSITIVE_INFINITY);
    expect(isClockAhead('10000000000000-0000-a', Date.now())).toBe(true);
    expect(isClockAhead(formatHlc({ ms: 1_000_000 + 299_000, counter: 0, node: 'a' }), 1_000_000)).toBe(false);
    expect(isClockAhead(formatHlc({ ms: 1_000_000 + 301_000, counter: 0, node: 'a' }), 1_000_000)).toBe(true);
  });
});
