import type { Classifier } from '../grouping/classify';
import type { Item } from '../item';
import { parsePeriod } from '../periods/period';
import type { UnitProfile } from '../taxonomy';
import { buildReport } from './build';
import type { MetricCatalog } from './figures';
import type { ReportModel } from './model';
import { applyReportSettings, periodKindOf, periodOptions, type ReportSettings } from './settings';
import type { ReportTemplate } from './template';

export interface AssembleInput {
  template: ReportTemplate;
  /** `2025-03`, `2025-Q1`, `2025-H1`, `2025-9M`, `2025`, `2025-W12`, `2025-03-01..2025-03-31` */
  periodId: string;
  items: Item[];
  unit: UnitProfile;
  /** The date the report is issued (ISO): the header's place-and-date line. */
  issuedOn: string;
  /**
   * The last day of data; unset, the issue date: a report issued before its period ends says how
   * far its data reaches ("10 tháng đầu năm 2023" in an annual report issued in October).
   */
  asOf?: string;
  settings?: ReportSettings;
  classifier?: Classifier;
  /** The unit's metric catalog; the built-in one by default. */
  metrics?: MetricCatalog;
}

/**
 * A report of a template over a period named by its id, cut and headed as the unit's settings say.
 * A template is for its own kind of period, or for a custom range; anything else is refused, in
 * Vietnamese and English, before anything is built.
 */
export function assembleReport({ template, periodId, settings = {}, ...rest }: AssembleInput): ReportModel {
  const period = parsePeriod(periodId, periodOptions(settings));
  const expected = periodKindOf(template.kind);
  if (period.kind !== expected && period.kind !== 'custom') {
    throw new RangeError(
      `Mẫu "${template.id}" dùng cho kỳ loại ${expected}, không dùng cho kỳ ${periodId} / Template "${template.id}" is for a ${expected} period, not ${periodId}`,
    );
  }
  const applied = applyReportSettings(template, rest.unit, settings);
  return buildReport({
    ...rest,
    ...applied,
    period,
    asOf: rest.asOf ?? rest.issuedOn,
    blankDay: settings.blankDay ?? false,
  });
}
