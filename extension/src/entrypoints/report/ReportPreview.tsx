import { checkReport, type Finding, type Period, type ReportModel, renderHtml } from '@gom/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadClassifier } from '../../features/classifier-store';
import type { GomDb } from '../../features/db';
import { buildLocalReport, docxBlob, withBulletEdits } from '../../features/local-report';
import { officerMessage } from '../../features/officer-error';
import { reportKindFor } from '../../features/period-choice';
import { reportFileName } from '../../features/report-download';
import type { LocalReportSettings } from '../../features/report-settings';
import { t } from '../../i18n';
import { Findings } from '../../ui/Findings';
import { saveFile } from '../../ui/save-file';

export interface ReportPreviewProps {
  db: GomDb;
  period: Period;
  reportSettings: LocalReportSettings;
  today: string;
}

/** The bullets the officer changed in the preview, by the key the editable preview gives each. */
function editsIn(preview: Document, model: ReportModel): Map<string, string> {
  const edits = new Map<string, string>();
  for (const bullet of preview.querySelectorAll<HTMLElement>('[data-bullet]')) {
    const key = bullet.dataset.bullet ?? '';
    const [pi, si, bi] = key.split('.').map(Number) as [number, number, number];
    const original = model.parts[pi]?.sections[si]?.bullets[bi];
    const text = bullet.querySelector('[contenteditable]')?.textContent ?? '';
    if (original !== undefined && text !== original) edits.set(key, text);
  }
  return edits;
}

/**
 * The period's report as it will print, from this browser's items: the check's findings, then the
 * page, where each bullet can be edited before export. The page is a sandboxed frame without
 * scripts: the report's text is clipped data, and the frame's `contenteditable` needs none.
 */
export function ReportPreview({ db, period, reportSettings, today }: ReportPreviewProps) {
  const s = t().report;
  const [model, setModel] = useState<ReportModel | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    void (async () => {
      try {
        const report = await buildLocalReport({
          db,
          period,
          settings: reportSettings[reportKindFor(period)] ?? {},
          classifier: await loadClassifier(db),
          today,
        });
        setModel(report.model);
        setFindings(report.findings);
      } catch (error) {
        setStatus({ text: officerMessage(error), error: true });
      }
    })();
  }, [db, period.id]);

  async function exportDocx(): Promise<void> {
    if (!model) return;
    const preview = frame.current?.contentDocument;
    const edited = preview ? withBulletEdits(model, editsIn(preview, model)) : model;
    // The officer's edits are checked too: the findings shown are those of the file she gets.
    setFindings(checkReport(edited, period));
    try {
      const fileName = reportFileName(period);
      saveFile(await docxBlob(edited), fileName);
      setStatus({ text: s.exported(fileName), error: false });
    } catch (error) {
      setStatus({ text: officerMessage(error), error: true });
    }
  }

  return (
    <main class="report-preview">
      <h1 data-role="report-title">{s.title(period.id)}</h1>
      {model && (
        <Findings
          title={findings.length === 0 ? s.findingsNone : s.findingsTitle(findings.length)}
          findings={findings}
        />
      )}
      {model && model.itemIds.length === 0 && <p class="muted">{s.empty}</p>}
      <p class="muted">{s.editHint}</p>
      <div class="actions">
        <button type="button" data-action="export-docx" disabled={!model} onClick={() => void exportDocx()}>
          {s.exportDocx}
        </button>
      </div>
      {status && (
        <p class={status.error ? 'error' : 'muted'} data-role="status" role="status">
          {status.text}
        </p>
      )}
      {model && (
        <iframe
          ref={frame}
          title={s.title(period.id)}
          data-role="preview"
          sandbox="allow-same-origin"
          srcdoc={renderHtml(model, { editable: true })}
        />
      )}
    </main>
  );
}
