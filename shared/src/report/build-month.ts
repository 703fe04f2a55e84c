import type { Classifier } from '../grouping/classify';
import type { Item } from '../item';
import { type MonthPeriod, monthTitle, nextMonth } from '../period';
import type { UnitProfile } from '../taxonomy';
import { buildReport, type ReportPeriod } from './build';
import type { ReportModel } from './model';
import type { ReportTemplate } from './template';

export interface MonthReportInput {
  items: Item[];
  period: MonthPeriod;
  template: ReportTemplate;
  unit: UnitProfile;
  /** The date printed in the header (ISO). */
  issuedOn: string;
  classifier?: Classifier;
}

/** A calendar month as the report names it, with the month its plans are for. */
export function monthReportPeriod(period: MonthPeriod): ReportPeriod {
  const next = nextMonth(period);
  return {
    id: period.id,
    from: period.from,
    to: period.to,
    title: monthTitle(period),
    next: { id: next.id, title: monthTitle(next) },
  };
}

/** The monthly report: the one pipeline over a calendar month. */
export function buildMonthReport({ period, ...rest }: MonthReportInput): ReportModel {
  return buildReport({ ...rest, period: monthReportPeriod(period) });
}
