import { parsePeriod } from '@gom/shared';
import { describe, expect, it } from 'vitest';
import {
  dateInView,
  periodAt,
  periodHolding,
  periodPlace,
  periodsInYear,
  reportKindFor,
  stepPeriod,
  templateFor,
} from './panel-periods';

describe('periodHolding', () => {
  it.each([
    ['week', '2026-01-01', '2026-W01'],
    ['week', '2027-01-01', '2026-W53'],
    ['month', '2026-11-22', '2026-11'],
    ['quarter', '2026-11-22', '2026-Q4'],
    ['half', '2026-06-30', '2026-H1'],
    ['half', '2026-07-01', '2026-H2'],
    ['year', '2026-11-22', '2026'],
  ] as const)('a %s holding %s is %s', (kind, date, id) => {
    expect(periodHolding(kind, date).id).toBe(id);
  });

  it('takes the cut-off of Nghị định 09 into account: 20 March is in the April period', () => {
    const period = periodHolding('month', '2025-03-20', { cutoff: 'nd09' });
    expect(period).toMatchObject({ id: '2025-04', from: '2025-03-15', to: '2025-04-14' });
  });

  it('finds the week of a span that starts on Thursday', () => {
    const week = { startOffset: 3, days: 7 };
    const period = periodHolding('week', '2023-08-21', { week });
    expect(period.from <= '2023-08-21' && '2023-08-21' <= period.to).toBe(true);
  });
});

describe('stepPeriod', () => {
  it('moves back and forth across year boundaries', () => {
    expect(stepPeriod(parsePeriod('2026-01'), -1).id).toBe('2025-12');
    expect(stepPeriod(parsePeriod('2026-Q4'), 1).id).toBe('2027-Q1');
    expect(stepPeriod(parsePeriod('2026-W01'), -1).id).toBe('2025-W52');
    expect(stepPeriod(parsePeriod('2026-H1'), -1).id).toBe('2025-H2');
    expect(stepPeriod(parsePeriod('2026'), 1).id).toBe('2027');
  });
});

describe('templateFor', () => {
  it("takes the unit's template of the period's report kind", () => {
    expect(reportKindFor(parsePeriod('2026-H1'))).toBe('half_year');
    expect(templateFor(parsePeriod('2026-11')).id).toBe('so-ngoai-vu');
    expect(templateFor(parsePeriod('2026-W47')).kind).toBe('week');
    expect(templateFor(parsePeriod('2026')).kind).toBe('year');
  });
});

describe('the direct picker', () => {
  it.each([
    ['month', 2021, 3, '2021-03'],
    ['quarter', 2021, 1, '2021-Q1'],
    ['half', 2022, 2, '2022-H2'],
    ['year', 2023, 1, '2023'],
    ['week', 2020, 53, '2020-W53'],
  ] as const)('picks the %s of %i at %i: %s, and reads its place back', (kind, year, index, id) => {
    const period = periodAt(kind, year, index);
    expect(period.id).toBe(id);
    expect(periodPlace(period)).toEqual({ year, index });
  });

  it('cuts the picked month as the unit cuts its months', () => {
    expect(periodAt('month', 2021, 3, { cutoff: 'nd09' })).toMatchObject({ from: '2021-02-15', to: '2021-03-14' });
  });

  it('knows how many of each a year has', () => {
    expect([2020, 2021].map((year) => periodsInYear('week', year))).toEqual([53, 52]);
    expect(periodsInYear('month', 2021)).toBe(12);
  });
});

describe('dateInView', () => {
  it('keeps today while the period holds it, else the period’s last day', () => {
    expect(dateInView(parsePeriod('2026-12'), '2026-12-08')).toBe('2026-12-08');
    expect(dateInView(parsePeriod('2021-03'), '2026-12-08')).toBe('2021-03-31');
    // March 2021 seen as a year is 2021, as a quarter its first.
    expect(periodHolding('year', dateInView(parsePeriod('2021-03'), '2026-12-08')).id).toBe('2021');
    expect(periodHolding('quarter', dateInView(parsePeriod('2021-03'), '2026-12-08')).id).toBe('2021-Q1');
  });
});
