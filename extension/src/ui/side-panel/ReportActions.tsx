import { type Finding, type Period, type ReportModel, renderText } from '@gom/shared';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askBackground } from '../../background/messages';
import { t } from '../../i18n';
import { OfficerError, officerMessage } from '../../officer-error';
import { reportKindFor } from '../../period/panel-periods';
import { fetchTeamReport, reportFileName } from '../../report/report-download';
import type { LocalReportSettings } from '../../report/report-settings';
import { loadSettings } from '../../settings';
import { loadClassifier } from '../../store/classifier-store';
import type { GomDb } from '../../store/db';
import { saveFile } from '../save-file';

/** The side panel's status line: what an action did, or why it failed. */
export interface Status {
  text: string;
  error: boolean;
}

export interface ReportActionsProps {
  db: GomDb;
  period: Period;
  reportSettings: LocalReportSettings;
  today: string;
  onStatus: (status: Status) => void;
  /** The report check's findings, each time the period's report is built in this page. */
  onFindings: (findings: Finding[]) => void;
}

/** The panel's buttons: sync now, the period's report (download, preview, copy as text, the team's), the options. */
export function ReportActions({ db, period, reportSettings, today, onStatus, onFindings }: ReportActionsProps) {
  const s = t().sidePanel;
  const [busy, setBusy] = useState(false);

  // Syncing is the background's job (one sync at a time for the whole extension): ask it, now —
  // the officer is waiting, so the backoff of earlier failures is skipped.
  async function sync(): Promise<void> {
    onStatus({ text: s.syncing, error: false });
    try {
      const reply = await askBackground({ type: 'sync', immediate: true });
      onStatus(
        reply.ok ? { text: s.synced(reply.pushed, reply.pulled), error: false } : { text: reply.error, error: true },
      );
    } catch (error) {
      onStatus({ text: officerMessage(error), error: true });
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

  /** The period's report from this browser's items, its check shown; then `use` does the rest. */
  async function withLocalReport(
    use: (model: ReportModel, local: typeof import('../../report/local-report')) => Promise<string>,
  ): Promise<void> {
    onStatus({ text: s.preparingReport, error: false });
    try {
      // The .docx writer is most of the page's code: loaded when a report is asked for, not
      // before the list can show (the side panel's first render has a budget, docs/performance.md).
      const local = await import('../../report/local-report');
      const report = await local.buildLocalReport({
        db,
        period,
        settings: reportSettings[reportKindFor(period)] ?? {},
        classifier: await loadClassifier(db),
        today,
      });
      onFindings(report.findings);
      onStatus({ text: await use(report.model, local), error: false });
    } catch (error) {
      onStatus({ text: officerMessage(error), error: true });
    }
  }

  // One click, offline: this officer's own items, assembled and rendered in this page (the service
  // worker has no DOM for the download, and may be stopped mid-way); checked before it is saved.
  const downloadReport = () =>
    withLocalReport(async (model, { docxBlob }) => {
      const fileName = reportFileName(period, 'own');
      saveFile(await docxBlob(model), fileName);
      return s.ownReportDownloaded(fileName);
    });

  // "Copy as text": the report as the samples write it, for an e-mail or a chat. The page's own
  // clipboard, written during the officer's click: no clipboard permission needed.
  const copyReportText = () =>
    withLocalReport(async (model) => {
      await navigator.clipboard.writeText(renderText(model));
      return s.copiedText;
    });

  // The team report is assembled by the server from every officer's synced items: this officer's
  // latest clips must reach it first, or the report would silently miss them.
  async function downloadTeamReport(): Promise<void> {
    onStatus({ text: s.syncing, error: false });
    const reply = await askBackground({ type: 'sync', immediate: true }).catch((error: unknown) => ({
      ok: false as const,
      error: officerMessage(error),
    }));
    if (!reply.ok) {
      onStatus({ text: s.syncBeforeReportFailed(reply.error), error: true });
      return;
    }
    onStatus({ text: s.preparingReport, error: false });
    try {
      const { serverUrl, token } = await loadSettings();
      if (!serverUrl || !token) throw new OfficerError('notConfigured');
      const fileName = reportFileName(period, 'unit');
      saveFile(await fetchTeamReport({ serverUrl, token, period }), fileName);
      onStatus({ text: s.unitReportDownloaded(fileName), error: false });
    } catch (error) {
      onStatus({ text: officerMessage(error), error: true });
    }
  }

  function openPreview(): void {
    void browser.tabs.create({
      url: browser.runtime.getURL(`/report.html?period=${encodeURIComponent(period.id)}` as '/report.html'),
    });
  }

  return (
    <div class="actions">
      <button type="button" data-action="sync" disabled={busy} onClick={() => run(sync)}>
        {s.sync}
      </button>
      <button type="button" data-action="download-report" disabled={busy} onClick={() => run(downloadReport)}>
        {s.downloadReport}
      </button>
      <button type="button" data-action="preview-report" onClick={openPreview}>
        {s.previewReport}
      </button>
      <button type="button" data-action="copy-text" disabled={busy} onClick={() => run(copyReportText)}>
        {s.copyText}
      </button>
      <button type="button" data-action="download-team-report" disabled={busy} onClick={() => run(downloadTeamReport)}>
        {s.teamReport}
      </button>
      <button type="button" data-action="open-options" onClick={() => browser.runtime.openOptionsPage()}>
        {s.openOptions}
      </button>
    </div>
  );
}
