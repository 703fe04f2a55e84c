/** A calendar month, the period of the first report Gom assembles. Other kinds come with the periods issue. */
export interface MonthPeriod {
  kind: 'month';
  /** `YYYY-MM` */
  id: string;
  year: number;
  month: number;
  /** First and last day, ISO dates, both inclusive. */
  from: string;
  to: string;
}

const MONTH_ID = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonthPeriod(id: string): MonthPeriod {
  const match = MONTH_ID.exec(id);
  if (!match) throw new RangeError(`Not a month period (YYYY-MM): ${id}`);
  return monthPeriod(Number(match[1]), Number(match[2]));
}

export function monthPeriod(year: number, month: number): MonthPeriod {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return {
    kind: 'month',
    id: `${year}-${mm}`,
    year,
    month,
    from: `${year}-${mm}-01`,
    to: `${year}-${mm}-${String(lastDay).padStart(2, '0')}`,
  };
}

/** The month a local date (`YYYY-MM-DD`) falls in. */
export function monthOf(isoDate: string): MonthPeriod {
  return parseMonthPeriod(isoDate.slice(0, 7));
}

export function nextMonth(period: MonthPeriod): MonthPeriod {
  return period.month === 12 ? monthPeriod(period.year + 1, 1) : monthPeriod(period.year, period.month + 1);
}

export function containsDate(period: MonthPeriod, isoDate: string): boolean {
  return isoDate >= period.from && isoDate <= period.to;
}

/** The wording officers write: "tháng 3/2021" (no leading zero on the month). */
export function monthTitle(period: MonthPeriod): string {
  return `tháng ${period.month}/${period.year}`;
}

/** Today as a local ISO date: an officer's "today" is her own calendar day, not UTC's. */
export function localIsoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
