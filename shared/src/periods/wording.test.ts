import { describe, expect, it } from 'vitest';
import { nextPeriod, parsePeriod } from './period';
import { dataReach, headerDate, nextPeriodTitle, periodTitle, shortDate } from './wording';

describe('periodTitle', () => {
  it.each([
    ['2025-03', 'tháng 3/2025'],
    ['2025-Q1', 'quý I/2025'],
    ['2025-Q4', 'quý IV/2025'],
    ['2022-H1', '6 tháng đầu năm 2022'],
    ['2022-H2', '6 tháng cuối năm 2022'],
    ['2023-9M', '9 tháng đầu năm 2023'],
    ['2023', 'năm 2023'],
    ['2020-W53', 'từ ngày 28/12/2020 - 03/01/2021'],
    ['2025-02-01..2025-02-28', 'từ ngày 01/02 - 28/02/2025'],
  ])('%s → %s', (id, title) => {
    expect(periodTitle(parsePeriod(id))).toBe(title);
  });

  it('names the sample weekly report as it did', () => {
    expect(periodTitle(parsePeriod('2023-W34', { week: { startOffset: 3, days: 8 } }))).toBe(
      'từ ngày 24/8 - 31/8/2023',
    );
  });
});

describe('nextPeriodTitle', () => {
  it.each([
    ['2021-03', 'tháng 4/2021'],
    ['2022-H1', '6 tháng cuối năm 2022'],
    ['2023-9M', '3 tháng cuối năm 2023'],
    ['2023', 'năm 2024'],
    ['2023-W34', 'tuần tới'],
    ['2025-03-01..2025-03-31', 'thời gian tới'],
  ])('after %s: %s', (id, title) => {
    const period = parsePeriod(id);
    expect(nextPeriodTitle(period, nextPeriod(period))).toBe(title);
  });
});

describe('dataReach', () => {
  it('says how far an early report reaches, as the sample annual report did', () => {
    expect(dataReach(parsePeriod('2023'), '2023-10-20')).toBe('10 tháng đầu năm 2023');
    expect(dataReach(parsePeriod('2022-H1'), '2022-05-31')).toBe('5 tháng đầu năm 2022');
    expect(dataReach(parsePeriod('2025-03'), '2025-03-20')).toBe('từ ngày 01/3 - 20/3/2025');
  });

  it('is null once the period is over', () => {
    expect(dataReach(parsePeriod('2023'), '2023-12-31')).toBeNull();
    expect(dataReach(parsePeriod('2023'), '2024-01-05')).toBeNull();
  });
});

describe('shortDate', () => {
  it.each([
    ['2015-08-06', '06/8/2015'],
    ['2022-02-14', '14/02/2022'],
    ['2021-01-01', '01/01/2021'],
    ['2021-12-31', '31/12/2021'],
  ])('%s → %s', (iso, short) => {
    expect(shortDate(iso)).toBe(short);
  });
});

describe('headerDate', () => {
  it.each([
    ['2025-03-05', 'Hà Tĩnh, ngày 05 tháng 3 năm 2025'],
    ['2020-01-05', 'Hà Tĩnh, ngày 05 tháng 01 năm 2020'],
    ['2019-06-29', 'Hà Tĩnh, ngày 29 tháng 6 năm 2019'],
    ['2022-02-14', 'Hà Tĩnh, ngày 14 tháng 02 năm 2022'],
    ['2024-02-29', 'Hà Tĩnh, ngày 29 tháng 02 năm 2024'],
  ])('%s → %s, padded as shortDate pads', (iso, expected) => {
    expect(headerDate('Hà Tĩnh', iso)).toBe(expected);
    expect(expected).toContain(`ngày ${shortDate(iso).split('/')[0]} tháng ${shortDate(iso).split('/')[1]} năm`);
  });
});

describe('headerDate with the day left blank', () => {
  it('leaves room for the day and keeps the month and year', () => {
    expect(headerDate('Hà Tĩnh', '2025-01-05', { blankDay: true })).toBe('Hà Tĩnh, ngày      tháng 01 năm 2025');
  });
});
