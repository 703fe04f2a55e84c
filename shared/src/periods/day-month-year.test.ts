import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayMonthYear, parseDayMonthYear } from './day-month-year';

describe('dayMonthYear', () => {
  it('writes the day first, two digits each', () => {
    expect(dayMonthYear('2026-12-07')).toBe('07/12/2026');
    expect(dayMonthYear('2021-03-31')).toBe('31/03/2021');
  });
});

describe('parseDayMonthYear', () => {
  it.each([
    ['7/12/2026', '2026-12-07'],
    ['07/12/2026', '2026-12-07'],
    [' 7-12-2026 ', '2026-12-07'],
    ['7.12.2026', '2026-12-07'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDayMonthYear(text)).toBe(iso);
  });

  it.each(['', '2026-12-07', '12/2026', '31/04/2021', '29/02/2023', '0/1/2021', '7/13/2026', 'ngày 7'])(
    'refuses %j',
    (text) => {
      expect(parseDayMonthYear(text)).toBeNull();
    },
  );

  it('reads back every date it writes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(parseDayMonthYear(dayMonthYear(iso))).toBe(iso);
        },
      ),
    );
  });
});
