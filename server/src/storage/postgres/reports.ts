import type { ReportSettings } from '@gom/shared';
import type pg from 'pg';
import { type ReportRow, type SettingsRow, toReport, toSettings } from '../machinery/rows';
import type { ReportRecord, ReportStore } from '../port';
import type { BackupPart } from './connection';

const INSERT_REPORT =
  'INSERT INTO reports (id, unit_id, kind, period_id, template_id, format, item_ids, user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)';
// The unit id comes apart from the record: an imported backup's reports go to the unit being imported.
const reportValues = (unitId: string, r: ReportRecord) => [
  r.id,
  unitId,
  r.kind,
  r.periodId,
  r.templateId,
  r.format,
  JSON.stringify(r.itemIds),
  r.userId,
  r.createdAt,
];
/** A `reports` row as pg returns it: jsonb arrives parsed. */
type JsonReportRow = ReportRow & { item_ids: string[] };
const toRecord = (row: JsonReportRow) => toReport(row, row.item_ids);

export function postgresReports(pool: pg.Pool) {
  const store: ReportStore = {
    getReportSettings: async (unitId, kind) => {
      const { rows } = await pool.query<{ settings: ReportSettings }>(
        'SELECT settings FROM report_settings WHERE unit_id = $1 AND kind = $2',
        [unitId, kind],
      );
      return rows[0]?.settings ?? {};
    },
    putReportSettings: async (unitId, kind, settings, userId) => {
      await pool.query(
        `INSERT INTO report_settings (unit_id, kind, settings, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (unit_id, kind) DO UPDATE SET settings = excluded.settings, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
        [unitId, kind, JSON.stringify(settings), userId, new Date().toISOString()],
      );
    },
    addReportRecord: async (r) => {
      await pool.query(INSERT_REPORT, reportValues(r.unitId, r));
    },
    listReportRecords: async (unitId, limit) =>
      (
        await pool.query<JsonReportRow>(
          // LIMIT NULL is no limit.
          'SELECT * FROM reports WHERE unit_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2',
          [unitId, limit ?? null],
        )
      ).rows.map(toRecord),
  };

  const backup: BackupPart<'reportSettings' | 'reports'> = {
    read: async (client, unitId) => ({
      reportSettings: (
        await client.query<SettingsRow & { settings: ReportSettings }>(
          'SELECT kind, settings, updated_by, updated_at FROM report_settings WHERE unit_id = $1 ORDER BY kind',
          [unitId],
        )
      ).rows.map((r) => toSettings(r, r.settings)),
      reports: (
        await client.query<JsonReportRow>('SELECT * FROM reports WHERE unit_id = $1 ORDER BY created_at, id', [unitId])
      ).rows.map(toRecord),
    }),
    write: async (client, unitId, { reportSettings, reports }) => {
      for (const r of reportSettings) {
        await client.query(
          'INSERT INTO report_settings (unit_id, kind, settings, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)',
          [unitId, r.kind, JSON.stringify(r.settings), r.updatedBy, r.updatedAt],
        );
      }
      for (const r of reports) await client.query(INSERT_REPORT, reportValues(unitId, r));
    },
  };

  return { store, backup };
}
