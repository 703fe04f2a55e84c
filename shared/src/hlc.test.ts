import { describe, expect, it } from 'vitest';
import { formatHlc, maxHlc, parseHlc, tickHlc } from './hlc';

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
