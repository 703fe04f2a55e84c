import { type ReportRow, type SettingsRow, toReport, toSettings } from '../machinery/rows';
import type { ReportRecord, ReportStore } from '../port';
import type { BackupPart, SqliteConnection } from './connection';

export function sqliteReports({ db, serial, write }: SqliteConnection) {
  const stmt = {
    getSettings: db.prepare('SELECT settings FROM report_settings WHERE unit_id = ? AND kind = ?'),
    putSettings: db.prepare(`
      INSERT INTO report_settings (unit_id, kind, settings, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (unit_id, kind) DO UPDATE SET settings = excluded.settings, updated_by = excluded.updated_by,
        updated_at = excluded.updated_at`),
    unitSettings: db.prepare(
      'SELECT kind, settings, updated_by, updated_at FROM report_settings WHERE unit_id = ? ORDER BY kind',
    ),
    importSettings: db.prepare(
      'INSERT INTO report_settings (unit_id, kind, settings, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)',
    ),
    addReport: db.prepare(
      'INSERT INTO reports (id, unit_id, kind, period_id, template_id, format, item_ids, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    listReports: db.prepare('SELECT * FROM reports WHERE unit_id = ? ORDER BY created_at DESC, id DESC LIMIT ?'),
    unitReports: db.prepare('SELECT * FROM reports WHERE unit_id = ? ORDER BY created_at, id'),
  };

  // The unit id comes apart from the record: an imported backup's reports go to the unit being imported.
  const addReport = (unitId: string, r: ReportRecord) =>
    stmt.addReport.run(
      r.id,
      unitId,
      r.kind,
      r.periodId,
      r.templateId,
      r.format,
      JSON.stringify(r.itemIds),
      r.userId,
      r.createdAt,
    );
  const toRecord = (row: ReportRow) => toReport(row, JSON.parse(row.item_ids as string));

  const store: ReportStore = {
    getReportSettings: (unitId, kind) =>
      serial(() => {
        const row = stmt.getSettings.get(unitId, kind) as { settings: string } | undefined;
        return row ? JSON.parse(row.settings) : {};
      }),
    putReportSettings: (unitId, kind, settings, userId) =>
      write(() => {
        stmt.putSettings.run(unitId, kind, JSON.stringify(settings), userId, new Date().toISOString());
      }),
    addReportRecord: (r) =>
      write(() => {
        addReport(r.unitId, r);
      }),
    // SQLite reads LIMIT -1 as no limit.
    listReportRecords: (unitId, limit) =>
      serial(() => (stmt.listReports.all(unitId, limit ?? -1) as ReportRow[]).map(toRecord)),
  };

  const backup: BackupPart<'reportSettings' | 'reports'> = {
    read: (unitId) => ({
      reportSettings: (stmt.unitSettings.all(unitId) as SettingsRow[]).map((r) =>
        toSettings(r, JSON.parse(r.settings as string)),
      ),
      reports: (stmt.unitReports.all(unitId) as ReportRow[]).map(toRecord),
    }),
    write: (unitId, { reportSettings, reports }) => {
      for (const r of reportSettings) {
        stmt.importSettings.run(unitId, r.kind, JSON.stringify(r.settings), r.updatedBy, r.updatedAt);
      }
      for (const r of reports) addReport(unitId, r);
    },
  };

  return { store, backup };
}
