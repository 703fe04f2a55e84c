import { type MonthPeriod, type Period, periodContains } from './period';

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A date's day, month and year as Nghị định 30 writes them: days below 10 and the months 1 and 2
 * take a leading zero, other months do not (so "01/02" can never be read as "01/12").
 */
function nd30DateParts(iso: string): { day: string; month: string; year: number } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { day: String(d).padStart(2, '0'), month: m <= 2 ? String(m).padStart(2, '0') : String(m), year: y };
}

/** "06/8/2015": the short form inside the text. */
export function shortDate(iso: string, { withYear = true } = {}): string {
  const { day, month, year } = nd30DateParts(iso);
  return withYear ? `${day}/${month}/${year}` : `${day}/${month}`;
}

/**
 * "Hà Tĩnh, ngày 05 tháng 3 năm 2025": the place-and-date line of the header. Some units leave the
 * day blank in the draft, to be written in by hand on the day the report is signed.
 */
export function headerDate(place: string, iso: string, { blankDay = false } = {}): string {
  const { day, month, year } = nd30DateParts(iso);
  return `${place ? `${place}, ` : ''}ngày ${blankDay ? '    ' : day} tháng ${month} năm ${year}`;
}

/** A range as officers write it: "24/8 - 31/8/2023", the year once when both ends share it. */
function rangeWording(from: string, to: string): string {
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${shortDate(from, { withYear: !sameYear })} - ${shortDate(to)}`;
}

/**
 * The period as the report names it, in the running text: "tháng 3/2025", "quý I/2025",
 * "6 tháng đầu năm 2022", "9 tháng đầu năm 2023", "năm 2023", "từ ngày 24/8 - 31/8/2023".
 */
export function periodTitle(period: Period): string {
  switch (period.kind) {
    case 'month':
      return `tháng ${period.index}/${period.year}`;
    case 'quarter':
      return `quý ${ROMAN[period.index - 1]}/${period.year}`;
    case 'half':
      return `6 tháng ${period.index === 1 ? 'đầu' : 'cuối'} năm ${period.year}`;
    case 'nine_months':
      return `9 tháng đầu năm ${period.year}`;
    case 'year':
      return `năm ${period.year}`;
    case 'week':
    case 'custom':
      return `từ ngày ${rangeWording(period.from, period.to)}`;
  }
}

/** The next period in a plans heading; a quarter left after nine months reads "3 tháng cuối năm". */
export function nextPeriodTitle(period: Period, next: Period | null): string {
  if (period.kind === 'week') return 'tuần tới';
  if (period.kind === 'nine_months' && next) return `3 tháng cuối năm ${next.year}`;
  return next ? periodTitle(next) : 'thời gian tới';
}

/**
 * How far a report's data reaches when it is written before its period ends: the sample annual
 * report, written in October, said "10 tháng đầu năm 2023". Null when the period is over.
 */
export function dataReach(period: Period, asOf: string): string | null {
  if (!periodContains(period, asOf) || asOf === period.to) return null;
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const startsInJanuary = period.cutoff === 'calendar' && period.from.slice(5) === '01-01';
  if (startsInJanuary && (period.kind === 'year' || period.kind === 'half' || period.kind === 'nine_months')) {
    return `${m} tháng đầu năm ${y}`;
  }
  return `từ ngày ${rangeWording(period.from, asOf)}`;
}

/** "tháng 3/2021": the side panel's name for its month; the same wording as every report. */
export function monthTitle(period: MonthPeriod): string {
  return periodTitle(period);
}
