import { localIsoDate, monthOf } from '@gom/shared';
import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type GomDb, readMeta } from '../../features/db';
import { askBackground } from '../../features/messages';
import { monthView, recordsInMonth } from '../../features/month-view';
import { OfficerError, officerMessage } from '../../features/officer-error';
import { fetchMonthReport, reportFileName } from '../../features/report-download';
import { loadSettings } from '../../features/settings';
import { t } from '../../i18n';
import { saveFile } from '../../ui/save-file';
import { useLiveQuery } from '../../ui/use-live-query';
import { MonthList } from './MonthList';
import { SyncStatus } from './SyncStatus';

interface Status {
  text: string;
  error: boolean;
}

/** This month's clips, the sync state, and the one-click report. */
export function SidePanel({ db }: { db: GomDb }) {
  const s = t().sidePanel;
  const period = useMemo(() => monthOf(localIsoDate(new Date())), []);
  const records = useLiveQuery(() => recordsInMonth(db, period), [db, period.id]);
  const view = useMemo(() => records && monthView(records, period), [records, period]);
  const pending = useLiveQuery(() => db.outbox.count(), [db]);
  const [lastSync, lastError] =
    useLiveQuery(() => Promise.all([readMeta(db, 'lastSync'), readMeta(db, 'lastError')]), [db]) ?? [];
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  // Syncing is the background's job (one sync at a time for the whole extension): ask it.
  async function sync(): Promise<void> {
    setStatus({ text: s.syncing, error: false });
    try {
      const reply = await askBackground({ type: 'sync' });
      setStatus(
        reply.ok ? { text: s.synced(reply.pushed, reply.pulled), error: false } : { text: reply.error, error: true },
      );
    } catch (error) {
      setStatus({ text: officerMessage(error), error: true });
    }
  }

  async function run(action: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }

  // The report is assembled by the server from every officer's synced items: this officer's
  // latest clips must reach it first, or the report would silently miss them.
  async function downloadReport(): Promise<void> {
    setStatus({ text: s.syncing, error: false });
    const reply = await askBackground({ type: 'sync' }).catch((error: unknown) => ({
      ok: false as const,
      error: officerMessage(error),
    }));
    if (!reply.ok) {
      setStatus({ text: s.syncBeforeReportFailed(reply.error), error: true });
      return;
    }
    setStatus({ text: s.preparingReport, error: false });
    try {
      const { serverUrl, token } = await loadSettings();
      if (!serverUrl || !token) throw new OfficerError('notConfigured');
      const fileName = reportFileName(period);
      saveFile(await fetchMonthReport({ serverUrl, token, period }), fileName);
      setStatus({ text: s.reportDownloaded(fileName), error: false });
    } catch (error) {
      setStatus({ text: officerMessage(error), error: true });
    }
  }

  return (
    <>
      <SyncStatus period={period} pending={pending} lastSync={lastSync} lastError={lastError} />
      <div class="actions">
        <button type="button" data-action="sync" disabled={busy} onClick={() => run(sync)}>
          {s.sync}
        </button>
        <button type="button" data-action="download-report" disabled={busy} onClick={() => run(downloadReport)}>
          {s.downloadReport}
        </button>
        <button type="button" data-action="open-options" onClick={() => browser.runtime.openOptionsPage()}>
          {s.openOptions}
        </button>
      </div>
      {status && (
        <p class={status.error ? 'error' : 'muted'} data-role="status" data-error={status.error} role="status">
          {status.text}
        </p>
      )}
      <MonthList view={view} />
    </>
  );
}
