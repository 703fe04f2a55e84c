import type { UnitConfigKind } from '@gom/shared';
import type { ConfigVersion, ConfigVersionInfo, ReportRecord, StoredReportSettings } from './port';

/** A row of `reports`, the same columns in both adapters; `item_ids` is JSON text or jsonb. */
export interface ReportRow {
  id: string;
  unit_id: string;
  kind: ReportRecord['kind'];
  period_id: string;
  template_id: string;
  format: ReportRecord['format'];
  item_ids: unknown;
  user_id: string;
  created_at: string;
}

export const toReport = (r: ReportRow, itemIds: string[]): ReportRecord => ({
  id: r.id,
  unitId: r.unit_id,
  kind: r.kind,
  periodId: r.period_id,
  templateId: r.template_id,
  format: r.format,
  itemIds,
  userId: r.user_id,
  createdAt: r.created_at,
});

/** A row of `report_settings`; `settings` is JSON text or jsonb. */
export interface SettingsRow {
  kind: StoredReportSettings['kind'];
  settings: unknown;
  updated_by: string;
  updated_at: string;
}

export const toSettings = (r: SettingsRow, settings: StoredReportSettings['settings']): StoredReportSettings => ({
  kind: r.kind,
  settings,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

/** A row of `unit_config`, the same in both adapters: the document is the JSON text as it was sent. */
export interface ConfigRow {
  kind: UnitConfigKind;
  version: number;
  document?: string;
  created_by: string;
  created_at: string;
}

export const toConfigInfo = (r: ConfigRow): ConfigVersionInfo => ({
  kind: r.kind,
  version: Number(r.version),
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export const toConfig = (r: ConfigRow): ConfigVersion => ({
  ...toConfigInfo(r),
  document: JSON.parse(r.document ?? 'null'),
});
