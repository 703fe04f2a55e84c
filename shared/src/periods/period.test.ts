import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isoWeekOf,
  localIsoDate,
  MAX_PERIOD_DAYS,
  monthOf,
  nextMonth,
  nextPeriod,
  PeriodTooLongError,
  parseMonthPeriod,
  parsePeriod,
  periodContains,
} from './period';
import { monthTitle } from './wording';

describe('parsePeriod', () => {
  it.each([
    ['2025-03', 'calendar', 'month', '2025-03-01', '2025-03-31'],
    ['2024-02', 'calendar', 'month', '2024-02-01', '2024-02-29'],
    ['2023-02', 'calendar', 'month', '2023-02-01', '2023-02-28'],
    ['2025-03', 'nd09', 'month', '2025-02-15', '2025-03-14'],
    ['2025-01', 'nd09', 'month', '2024-12-15', '2025-01-14'],
    ['2025-Q1', 'calendar', 'quarter', '2025-01-01', '2025-03-31'],
    ['2025-Q1', 'nd09', 'quarter', '2024-12-15', '2025-03-14'],
    ['2025-Q4', 'calendar', 'quarter', '2025-10-01', '2025-12-31'],
    ['2022-H1', 'calendar', 'half', '2022-01-01', '2022-06-30'],
    ['2022-H1', 'nd09', 'half', '2021-12-15', '2022-06-14'],
    ['2022-H2', 'nd09', 'half', '2022-06-15', '2022-12-14'],
    ['2023-9M', 'calendar', 'nine_months', '2023-01-01', '2023-09-30'],
    ['2023-9M', 'nd09', 'nine_months', '2022-12-15', '2023-09-14'],
    ['2023', 'calendar', 'year', '2023-01-01', '2023-12-31'],
    ['2023', 'nd09', 'year', '2022-12-15', '2023-12-14'],
    ['2025-W12', 'calendar', 'week', '2025-03-17', '2025-03-23'],
    ['2021-W01', 'calendar', 'week', '2021-01-04', '2021-01-10'],
    ['2020-W53', 'calendar', 'week', '2020-12-28', '2021-01-03'],
    ['2025-03-01..2025-03-31', 'calendar', 'custom', '2025-03-01', '2025-03-31'],
  ] as const)('%s (%s) is a %s from %s to %s', (id, cutoff, kind, from, to) => {
    expect(parsePeriod(id, { cutoff })).toMatchObject({ id, kind, from, to });
  });

  it('spans a week as the unit chooses: the sample weekly report ran Thursday to Thursday', () => {
    expect(parsePeriod('2023-W34', { week: { startOffset: 3, days: 8 } })).toMatchObject({
      from: '2023-08-24',
      to: '2023-08-31',
    });
  });

  it.each([
    '2025-13',
    '2025-Q5',
    '2025-H3',
    '2021-W53',
    '2025-02-30..2025-03-01',
    '2025-03-31..2025-03-01',
    'tháng 3',
    '',
  ])('refuses %s with a message naming the accepted forms', (id) => {
    expect(() => parsePeriod(id)).toThrow(RangeError);
  });
});

describe('the length of a period', () => {
  it.each([
    ['2024-01-01..2024-12-31', 'calendar'],
    ['2025-01-01..2026-01-01', 'calendar'],
    ['2024', 'nd09'],
    ['2024', 'calendar'],
  ] as const)('accepts %s (%s): a leap year, the longest period Gom names', (id, cutoff) => {
    expect(parsePeriod(id, { cutoff }).id).toBe(id);
  });

  it.each([
    ['2024-01-01..2025-01-01', 367],
    ['2023-12-15..2024-12-31', 383],
    ['0001-01-01..9999-12-31', 3_652_059],
  ])('refuses %s, %i days, in Vietnamese and English', (id, days) => {
    expect(() => parsePeriod(id)).toThrow(PeriodTooLongError);
    expect(() => parsePeriod(id)).toThrow(
      `Kỳ báo cáo dài tối đa 366 ngày, kỳ ${id} dài ${days} ngày / A period covers at most 366 days; ${id} covers ${days}`,
    );
  });

  it('never refuses a period Gom names itself, whatever the year and the cut', () => {
    const ids = (year: number) => [
      `${year}`,
      `${year}-9M`,
      ...[1, 2].map((h) => `${year}-H${h}`),
      ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`),
      ...Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.constantFrom('calendar' as const, 'nd09' as const),
        (year, cutoff) => {
          for (const id of ids(year)) {
            const period = parsePeriod(id, { cutoff });
            expect(Date.parse(period.to) - Date.parse(period.from)).toBeLessThan(MAX_PERIOD_DAYS * 86_400_000);
          }
        },
      ),
    );
  });
});

describe('nextPeriod', () => {
  it.each([
    ['2021-03', '2021-04'],
    ['2021-12', '2022-01'],
    ['2025-Q4', '2026-Q1'],
    ['2022-H1', '2022-H2'],
    ['2022-H2', '2023-H1'],
    ['2023-9M', '2023-Q4'],
    ['2023', '2024'],
    ['2020-W53', '2021-W01'],
    ['2021-W52', '2022-W01'],
  ])('%s → %s', (id, next) => {
    expect(nextPeriod(parsePeriod(id))?.id).toBe(next);
  });

  it('has none after a custom range', () => {
    expect(nextPeriod(parsePeriod('2025-03-01..2025-03-31'))).toBeNull();
  });
});

const dates = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('periods (properties)', () => {
  it('every day lies in exactly one month, and consecutive months tile the calendar, either cut-off', () => {
    fc.assert(
      fc.property(dates, fc.constantFrom('calendar' as const, 'nd09' as const), (date, cutoff) => {
        const [y, m] = date.split('-').map(Number) as [number, number];
        const candidates = [-1, 0, 1].map((shift) => {
          const month = new Date(Date.UTC(y, m - 1 + shift, 1));
          return parsePeriod(month.toISOString().slice(0, 7), { cutoff });
        });
        expect(candidates.filter((p) => periodContains(p, date))).toHaveLength(1);
        const [a, b] = [candidates[0]!, nextPeriod(candidates[0]!)!];
        const dayAfter = new Date(Date.parse(`${a.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(b.from).toBe(dayAfter);
      }),
    );
  });

  it('the ISO week of a date contains it', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const { year, week } = isoWeekOf(date);
        expect(periodContains(parsePeriod(`${year}-W${String(week).padStart(2, '0')}`), date)).toBe(true);
      }),
    );
  });
});

describe('the side panel’s month', () => {
  it.each([
    ['2021-03', '2021-03-01', '2021-03-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2025-12', '2025-12-01', '2025-12-31'],
  ])('%s runs from %s to %s, on the calendar', (id, from, to) => {
    expect(parseMonthPeriod(id)).toMatchObject({ kind: 'month', id, from, to, cutoff: 'calendar' });
  });

  it('rejects what is not a month, in Vietnamese and English', () => {
    for (const bad of ['2021-13', '2021-3', '21-03', '2021-03-01', '2021-Q1', '']) {
      expect(() => parseMonthPeriod(bad)).toThrow(/Not a month|Not a period/);
    }
  });

  it('finds the month of a date and rolls over the year', () => {
    expect(monthOf('2021-03-15')).toMatchObject({ id: '2021-03', month: 3, year: 2021 });
    expect(nextMonth(parseMonthPeriod('2021-12'))).toMatchObject({ id: '2022-01', month: 1, year: 2022 });
    expect(monthTitle(nextMonth(parseMonthPeriod('2021-12')))).toBe('tháng 1/2022');
  });

  it('reads the local calendar day', () => {
    expect(localIsoDate(new Date(2021, 2, 5, 23, 59))).toBe('2021-03-05');
  });
});
