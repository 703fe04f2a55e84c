import {
  defaultTemplates,
  isoWeekOf,
  nextPeriod,
  type Period,
  type PeriodOptions,
  parsePeriod,
  periodContains,
  type ReportKind,
  type ReportTemplate,
} from '@gom/shared';
// The kinds are named in i18n, which imports from no area: the type is kept there.
import type { PanelPeriodKind } from '../i18n';

export type { PanelPeriodKind };

/** The periods the side panel switches between, as officers report: week, month, quarter, 6 months, year. */
export const panelPeriodKinds: readonly PanelPeriodKind[] = ['week', 'month', 'quarter', 'half', 'year'];

export function isPanelPeriodKind(value: unknown): value is PanelPeriodKind {
  return typeof value === 'string' && (panelPeriodKinds as readonly string[]).includes(value);
}

const DAY_MS = 86_400_000;
const shiftDay = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

function calendarId(kind: PanelPeriodKind, date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case 'week': {
      const week = isoWeekOf(date);
      return `${week.year}-W${String(week.week).padStart(2, '0')}`;
    }
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return year;
  }
}

/**
 * The period of a kind that holds a date. A cut-off period (Nghị định 09: 15th to 14th) or a week
 * that does not start on Monday may hold the date in the neighbour of its calendar namesake.
 */
export function periodHolding(kind: PanelPeriodKind, date: string, options: PeriodOptions = {}): Period {
  let period = parsePeriod(calendarId(kind, date), options);
  for (let guard = 0; guard < 2 && !periodContains(period, date); guard++) {
    if (date > period.to) period = nextPeriod(period, options) ?? period;
    // Before its first day: the namesake of the calendar period before this one's calendar window.
    else period = parsePeriod(calendarId(kind, shiftDay(parsePeriod(period.id).from, -1)), options);
  }
  return period;
}

/** The period before or after, of the same kind. */
export function stepPeriod(period: Period, step: -1 | 1, options: PeriodOptions = {}): Period {
  if (period.kind === 'custom' || period.kind === 'nine_months') return period;
  const kind: PanelPeriodKind = period.kind;
  return periodHolding(kind, step === 1 ? shiftDay(period.to, 1) : shiftDay(period.from, -1), options);
}

/**
 * The date a switch of the period's kind keeps in view: today while the period shown holds it,
 * else the period's last day (a period cut at the 14th is named by the month it ends in).
 */
export function dateInView(period: Period, today: string): string {
  return periodContains(period, today) ? today : period.to;
}

/** How many periods of a kind a year has, for the picker: the ISO year's weeks, 12 months … */
export function periodsInYear(kind: PanelPeriodKind, year: number): number {
  switch (kind) {
    case 'week':
      return isoWeekOf(`${year}-12-28`).week;
    case 'month':
      return 12;
    case 'quarter':
      return 4;
    case 'half':
      return 2;
    case 'year':
      return 1;
  }
}

/** A period's year and its place in that year (the month, quarter, half or week), read from its id. */
export function periodPlace(period: Period): { year: number; index: number } {
  const match = /^(\d{4})(?:-[QHW]?(\d{1,2}))?$/.exec(period.id);
  if (!match) return { year: Number(period.from.slice(0, 4)), index: 1 };
  return { year: Number(match[1]), index: Number(match[2] ?? 1) };
}

/** The period picked directly: a kind, a year and its place in the year, cut as the unit cuts it. */
export function periodAt(kind: PanelPeriodKind, year: number, index: number, options: PeriodOptions = {}): Period {
  const two = String(index).padStart(2, '0');
  const id = {
    week: `${year}-W${two}`,
    month: `${year}-${two}`,
    quarter: `${year}-Q${index}`,
    half: `${year}-H${index}`,
    year: String(year),
  }[kind];
  return parsePeriod(id, options);
}

const REPORT_KIND: Record<PanelPeriodKind, ReportKind> = {
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  half: 'half_year',
  year: 'year',
};

/** The kind of report a period is reported in: its template, its settings, its server address. */
export function reportKindFor(period: Period): ReportKind {
  return isPanelPeriodKind(period.kind)
    ? REPORT_KIND[period.kind]
    : period.kind === 'nine_months'
      ? 'nine_months'
      : 'month';
}

/** The unit's template for the period's kind of report. */
export function templateFor(period: Period, templates: ReportTemplate[] = defaultTemplates): ReportTemplate {
  const kind = reportKindFor(period);
  const template = templates.find((candidate) => candidate.kind === kind) ?? templates.find((t) => t.kind === 'month');
  if (!template) throw new RangeError(`No template for a ${kind} report`);
  return template;
}
