import type { ReportRecord } from './port';

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
