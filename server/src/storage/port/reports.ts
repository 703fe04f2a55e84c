import type { ReportKind, ReportSettings } from '@gom/shared';

/** A unit's settings for one kind of report, with who changed them last and when. */
export interface StoredReportSettings {
  kind: ReportKind;
  settings: ReportSettings;
  updatedBy: string;
  updatedAt: string;
}

/** One exported report, kept so that the next report knows what was already reported. */
export interface ReportRecord {
  id: string;
  unitId: string;
  kind: ReportKind;
  /** `2025-03`, `2025-Q1` … as the report was asked for. */
  periodId: string;
  templateId: string;
  format: 'docx' | 'html' | 'txt' | 'md';
  /** The items the report listed. */
  itemIds: string[];
  /** Who exported it. */
  userId: string;
  createdAt: string;
}

/** A unit's report settings per kind, and the history of the reports it exported. */
export interface ReportStore {
  /** The unit's settings for one kind of report; empty when it has none. */
  getReportSettings(unitId: string, kind: ReportKind): Promise<ReportSettings>;
  putReportSettings(unitId: string, kind: ReportKind, settings: ReportSettings, userId: string): Promise<void>;
  addReportRecord(record: ReportRecord): Promise<void>;
  /** The unit's exported reports, newest first; all of them without a limit. */
  listReportRecords(unitId: string, limit?: number): Promise<ReportRecord[]>;
}
