import type { ReportKind } from '@gom/shared';
import type { ReportRecord, Storage } from '../storage/port';

/** The unit's exported reports, newest first: kind, period, template, format, items, who and when. */
export function reportHistory(storage: Storage, unitId: string, limit: number): Promise<ReportRecord[]> {
  return storage.listReportRecords(unitId, limit);
}

/** An item in an exported report: the extension shows it as reported. */
export interface ReportedItem {
  itemId: string;
  kind: ReportKind;
  periodId: string;
  reportId: string;
  reportedAt: string;
}

/**
 * The items of the unit's exported reports, once per item and kind of report (the latest export),
 * newest first. The HTML preview is not an export: an officer looks at it before deciding.
 * With `since`, only exports after that time, so that a client can ask for what is new.
 */
export async function reportedItems(
  storage: Storage,
  unitId: string,
  { kind, since }: { kind?: ReportKind; since?: string } = {},
): Promise<ReportedItem[]> {
  const records = await storage.listReportRecords(unitId);
  const reported = new Map<string, ReportedItem>();
  for (const record of records) {
    if (record.format === 'html' || (kind && record.kind !== kind) || (since && record.createdAt <= since)) continue;
    for (const itemId of record.itemIds) {
      const key = `${record.kind} ${itemId}`;
      if (reported.has(key)) continue;
      reported.set(key, {
        itemId,
        kind: record.kind,
        periodId: record.periodId,
        reportId: record.id,
        reportedAt: record.createdAt,
      });
    }
  }
  return [...reported.values()];
}
