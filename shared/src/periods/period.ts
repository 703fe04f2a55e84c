/**
 * Report periods: the window of days a report covers. Calendar periods follow the calendar;
 * Nghị định 09/2019 cut-off periods run from the 15th of the month before to the 14th (Điều 12).
 */
export const periodKinds = ['week', 'month', 'quarter', 'half', 'nine_months', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];
export type Cutoff = 'calendar' | 'nd09';

export interface Period {
  kind: PeriodKind;
  /** `2025-03`, `2025-Q1`, `2025-H1`, `2025-9M`, `2025`, `2025-W12`, `2025-03-01..2025-03-31` */
  id: string;
  /** The year the period is named after (a cut-off year starts on 15/12 of the year before). */
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2, ISO week 1–53; 0 for a year, nine months or a custom range. */
  index: number;
  cutoff: Cutoff;
  /** First and last day covered, ISO dates, both inclusive. */
  from: string;
  to: string;
}

export interface PeriodOptions {
  cutoff?: Cutoff;
  /**
   * A weekly report's span, as days relative to the ISO week's Monday: the default is Monday to
   * Sunday; the sample weekly report ran Thursday to the next Thursday ({ startOffset: 3, days: 8 }).
   */
  week?: { startOffset: number; days: number };
}

const DAY_MS = 86_400_000;

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function lastDayOf(year: number, month: number): number {
  return utc(year, month + 1, 0).getUTCDate();
}

/** The window of months [firstMonth, lastMonth] of `year`, cut as the unit chooses. */
function monthWindow(
  year: number,
  firstMonth: number,
  lastMonth: number,
  cutoff: Cutoff,
): { from: string; to: string } {
  if (cutoff === 'calendar') {
    return { from: isoDate(utc(year, firstMonth, 1)), to: isoDate(utc(year, lastMonth, lastDayOf(year, lastMonth))) };
  }
  return { from: isoDate(utc(year, firstMonth - 1, 15)), to: isoDate(utc(year, lastMonth, 14)) };
}

/** Monday of ISO week `week` of `year`. */
function isoWeekMonday(year: number, week: number): Date {
  const jan4 = utc(year, 1, 4);
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(mondayOfWeek1 + (week - 1) * 7 * DAY_MS);
}

function isoWeeksIn(year: number): number {
  return isoWeekOf(isoDate(utc(year, 12, 28))).week;
}

/** The ISO week (year and number) a date falls in. */
export function isoWeekOf(date: string): { year: number; week: number } {
  const d = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  return { year, week: Math.floor((thursday.getTime() - utc(year, 1, 1).getTime()) / (7 * DAY_MS)) + 1 };
}

const PATTERNS: Array<[RegExp, (m: RegExpExecArray, o: Required<PeriodOptions>) => Period]> = [
  [
    /^(\d{4})-(0[1-9]|1[0-2])$/,
    (m, o) => {
      const [year, month] = [Number(m[1]), Number(m[2])];
      return {
        kind: 'month',
        id: m[0],
        year,
        index: month,
        cutoff: o.cutoff,
        ...monthWindow(year, month, month, o.cutoff),
      };
    },
  ],
  [
    /^(\d{4})-Q([1-4])$/,
    (m, o) => {
      const [year, quarter] = [Number(m[1]), Number(m[2])];
      const window = monthWindow(year, quarter * 3 - 2, quarter * 3, o.cutoff);
      return { kind: 'quarter', id: m[0], year, index: quarter, cutoff: o.cutoff, ...window };
    },
  ],
  [
    /^(\d{4})-H([12])$/,
    (m, o) => {
      const [year, half] = [Number(m[1]), Number(m[2])];
      const window = monthWindow(year, half * 6 - 5, half * 6, o.cutoff);
      return { kind: 'half', id: m[0], year, index: half, cutoff: o.cutoff, ...window };
    },
  ],
  [
    /^(\d{4})-9M$/,
    (m, o) => {
      const year = Number(m[1]);
      return { kind: 'nine_months', id: m[0], year, index: 0, cutoff: o.cutoff, ...monthWindow(year, 1, 9, o.cutoff) };
    },
  ],
  [
    /^(\d{4})$/,
    (m, o) => {
      const year = Number(m[1]);
      return { kind: 'year', id: m[0], year, index: 0, cutoff: o.cutoff, ...monthWindow(year, 1, 12, o.cutoff) };
    },
  ],
  [
    /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/,
    (m, o) => {
      const [year, week] = [Number(m[1]), Number(m[2])];
      if (week > isoWeeksIn(year)) throw new RangeError(`${year} has no ISO week ${week}`);
      const start = isoWeekMonday(year, week).getTime() + o.week.startOffset * DAY_MS;
      return {
        kind: 'week',
        id: m[0],
        year,
        index: week,
        cutoff: 'calendar',
        from: isoDate(new Date(start)),
        to: isoDate(new Date(start + (o.week.days - 1) * DAY_MS)),
      };
    },
  ],
  [
    /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/,
    (m) => {
      const [from, to] = [m[1]!, m[2]!];
      for (const day of [from, to]) {
        if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || isoDate(new Date(`${day}T00:00:00Z`)) !== day) {
          throw new RangeError(`Not a date: ${day}`);
        }
      }
      if (from > to) throw new RangeError(`The range ends before it starts: ${m[0]}`);
      return { kind: 'custom', id: m[0], year: Number(to.slice(0, 4)), index: 0, cutoff: 'calendar', from, to };
    },
  ],
];

/**
 * The most days a period may cover: a leap year, the longest period Gom names itself (366 days on
 * the calendar, and as Nghị định 09 cuts 2024: 15/12/2023 → 14/12/2024). A custom range is asked
 * for a stretch within a year, and a non-leap year's range may still end on the next period's
 * first day, as officers often type it. A range of several years is no report the decrees know,
 * and its build grows with its items: refused up front.
 */
export const MAX_PERIOD_DAYS = 366;

/** A period longer than {@link MAX_PERIOD_DAYS}: a valid range, refused for its length. */
export class PeriodTooLongError extends RangeError {
  override name = 'PeriodTooLongError';
  constructor(id: string, days: number) {
    super(
      `Kỳ báo cáo dài tối đa ${MAX_PERIOD_DAYS} ngày, kỳ ${id} dài ${days} ngày / A period covers at most ${MAX_PERIOD_DAYS} days; ${id} covers ${days}`,
    );
  }
}

function daysCovered(period: Period): number {
  return (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS + 1;
}

/**
 * A period from its id; throws a RangeError naming the accepted forms for anything else, and a
 * {@link PeriodTooLongError} for a range longer than {@link MAX_PERIOD_DAYS}.
 */
export function parsePeriod(id: string, options: PeriodOptions = {}): Period {
  const resolved: Required<PeriodOptions> = {
    cutoff: options.cutoff ?? 'calendar',
    week: options.week ?? { startOffset: 0, days: 7 },
  };
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(id.trim());
    if (!match) continue;
    const period = build(match, resolved);
    const days = daysCovered(period);
    if (days > MAX_PERIOD_DAYS) throw new PeriodTooLongError(period.id, days);
    return period;
  }
  throw new RangeError(
    `Kỳ báo cáo không hợp lệ / Not a period: "${id}" (2025-03, 2025-Q1, 2025-H1, 2025-9M, 2025, 2025-W12, 2025-03-01..2025-03-31)`,
  );
}

export function periodContains(period: Period, date: string): boolean {
  return date >= period.from && date <= period.to;
}

/** The period that follows: where a report's plans part points. A custom range has none. */
export function nextPeriod(period: Period, options: PeriodOptions = {}): Period | null {
  const o = { cutoff: period.cutoff, ...options };
  const { year, index } = period;
  switch (period.kind) {
    case 'month':
      return parsePeriod(index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`, o);
    case 'quarter':
      return parsePeriod(index === 4 ? `${year + 1}-Q1` : `${year}-Q${index + 1}`, o);
    case 'half':
      return parsePeriod(index === 2 ? `${year + 1}-H1` : `${year}-H2`, o);
    case 'nine_months':
      // What is left of the year after nine months: the fourth quarter.
      return parsePeriod(`${year}-Q4`, o);
    case 'year':
      return parsePeriod(`${year + 1}`, o);
    case 'week': {
      const weeks = isoWeeksIn(year);
      return parsePeriod(index === weeks ? `${year + 1}-W01` : `${year}-W${String(index + 1).padStart(2, '0')}`, o);
    }
    case 'custom':
      return null;
  }
}

/** Today as a local ISO date: an officer's "today" is her own calendar day, not UTC's. */
export function localIsoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** A calendar month; `month` repeats `index` for the side panel, which names months by number. */
export interface MonthPeriod extends Period {
  kind: 'month';
  month: number;
}

function asMonth(period: Period): MonthPeriod {
  if (period.kind !== 'month') throw new RangeError(`Không phải một tháng / Not a month (YYYY-MM): ${period.id}`);
  return { ...period, kind: 'month', month: period.index };
}

/** A calendar month from `YYYY-MM`. */
export function parseMonthPeriod(id: string): MonthPeriod {
  if (!/^\d{4}-\d{2}$/.test(id.trim())) throw new RangeError(`Không phải một tháng / Not a month (YYYY-MM): ${id}`);
  return asMonth(parsePeriod(id));
}

/** The calendar month a local date (`YYYY-MM-DD`) falls in. */
export function monthOf(date: string): MonthPeriod {
  return parseMonthPeriod(date.slice(0, 7));
}

export function nextMonth(period: MonthPeriod): MonthPeriod {
  return asMonth(nextPeriod(period) as Period);
}
