import { describe, expect, it } from 'vitest';
import { containsDate, localIsoDate, monthOf, monthTitle, nextMonth, parseMonthPeriod } from './period';

describe('month periods', () => {
  it.each([
    ['2021-03', '2021-03-01', '2021-03-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2025-12', '2025-12-01', '2025-12-31'],
  ])('%s runs from %s to %s', (id, from, to) => {
    expect(parseMonthPeriod(id)).toMatchObject({ id, from, to });
  });

  it('rejects what is not a month', () => {
    for (const bad of ['2021-13', '2021-3', '21-03', '2021-03-01', '']) {
      expect(() => parseMonthPeriod(bad)).toThrow(RangeError);
    }
  });

  it('names the month as officers write it and rolls over the year', () => {
    expect(monthTitle(parseMonthPeriod('2021-03'))).toBe('tháng 3/2021');
    expect(monthTitle(nextMonth(parseMonthPeriod('2021-12')))).toBe('tháng 1/2022');
  });

  it('finds the month of a date and what it contains', () => {
    const march = monthOf('2021-03-15');
    expect(march.id).toBe('2021-03');
    expect(containsDate(march, '2021-03-31')).toBe(true);
    expect(containsDate(march, '2021-04-01')).toBe(false);
  });

  it('reads the local calendar day', () => {
    expect(localIsoDate(new Date(2021, 2, 5, 23, 59))).toBe('2021-03-05');
  });
});
