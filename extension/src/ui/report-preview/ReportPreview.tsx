import { type BulletJoin, checkReport, joinBullets, type Period, type ReportModel, renderHtml } from '@gom/shared';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { officerMessage } from '../../officer-error';
import { reportKindFor } from '../../period/panel-periods';
import {
  buildLocalReport,
  docxBlob,
  type PreviewChange,
  placeAfterEdits,
  withBulletEdits,
  withPreviewChanges,
} from '../../report/local-report';
import { reportFileName } from '../../report/report-download';
import type { LocalReportSettings } from '../../report/report-settings';
import { loadClassifier } from '../../store/classifier-store';
import type { GomDb } from '../../store/db';
import { DateInput } from '../DateInput';
import { Findings } from '../Findings';
import { saveFile } from '../save-file';

export interface ReportPreviewProps {
  db: GomDb;
  period: Period;
  reportSettings: LocalReportSettings;
  today: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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

/** The key of the bullet the officer last clicked or selected in, if any. */
function selectedBullet(preview: Document): string | null {
  const node = preview.getSelection()?.anchorNode ?? null;
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>('[data-bullet]')?.dataset.bullet ?? null;
}

/**
 * The period's report as it will print, from this browser's items: the check's findings, then the
 * page, where each bullet can be edited, and joined with the next, before export; dated the day the
 * officer issues it. The page is a sandboxed frame without scripts: the report's text is clipped
 * data, and the frame's `contenteditable` needs none.
 */
export function ReportPreview({ db, period, reportSettings, today }: ReportPreviewProps) {
  const s = t().report;
  const [issuedOn, setIssuedOn] = useState(today);
  // The model as built from the items, and what the officer changed over it since the page opened.
  const [built, setBuilt] = useState<ReportModel | null>(null);
  const [changes, setChanges] = useState<PreviewChange[]>([]);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const model = useMemo(() => built && withPreviewChanges(built, changes), [built, changes]);
  // The officer's changes are checked too: the findings shown are those of the file she gets.
  const findings = useMemo(() => (model ? checkReport(model, period) : []), [model]);

  useEffect(() => {
    void (async () => {
      try {
        const report = await buildLocalReport({
          db,
          period,
          settings: reportSettings[reportKindFor(period)] ?? {},
          classifier: await loadClassifier(db),
          today,
          issuedOn,
        });
        setBuilt(report.model);
      } catch (error) {
        setStatus({ text: officerMessage(error), error: true });
      }
    })();
  }, [db, period.id, issuedOn]);

  /** The edits typed in the frame since the model was last drawn, kept before it is drawn again. */
  function pendingEdits(): Map<string, string> {
    const preview = frame.current?.contentDocument;
    return preview && model ? editsIn(preview, model) : new Map();
  }

  function withPending(edits: Map<string, string>, ...more: PreviewChange[]): PreviewChange[] {
    return [...changes, ...(edits.size > 0 ? [{ kind: 'edits' as const, edits }] : []), ...more];
  }

  function chooseIssuedOn(value: string): void {
    if (!ISO_DATE.test(value) || value === issuedOn) return;
    setChanges(withPending(pendingEdits()));
    setIssuedOn(value);
  }

  function joinNext(join: BulletJoin): void {
    const preview = frame.current?.contentDocument;
    const key = preview ? selectedBullet(preview) : null;
    if (!model || key === null) {
      setStatus({ text: s.joinNoBullet, error: true });
      return;
    }
    const edits = pendingEdits();
    const at = placeAfterEdits(model, edits, key);
    if (!at || !joinBullets(withBulletEdits(model, edits), at, join)) {
      setStatus({ text: s.joinRefused, error: true });
      return;
    }
    setChanges(withPending(edits, { kind: 'join', at, join }));
    setStatus(null);
  }

  async function exportDocx(): Promise<void> {
    if (!model) return;
    const edits = pendingEdits();
    const edited = withBulletEdits(model, edits);
    if (edits.size > 0) setChanges(withPending(edits));
    try {
      const fileName = reportFileName(period, 'own');
      saveFile(await docxBlob(edited), fileName);
      setStatus({ text: s.exported(fileName), error: false });
    } catch (error) {
      setStatus({ text: officerMessage(error), error: true });
    }
  }

  return (
    <main class="report-preview">
      <h1 data-role="report-title">{s.title(period)}</h1>
      {model && (
        <Findings
          title={findings.length === 0 ? s.findingsNone : s.findingsTitle(findings.length)}
          findings={findings}
        />
      )}
      {model && model.itemIds.length === 0 && <p class="muted">{s.empty}</p>}
      <label for="issued-on">{s.issuedOn}</label>
      <DateInput id="issued-on" name="issued-on" value={issuedOn} onValue={chooseIssuedOn} />
      <p class="muted">{s.editHint}</p>
      <p class="muted">{s.joinHint}</p>
      <div class="actions">
        <button type="button" data-action="join-clause" disabled={!model} onClick={() => joinNext('clause')}>
          {s.joinClause}
        </button>
        <button type="button" data-action="join-sentence" disabled={!model} onClick={() => joinNext('sentence')}>
          {s.joinSentence}
        </button>
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
          title={s.title(period)}
          data-role="preview"
          sandbox="allow-same-origin"
          srcdoc={renderHtml(model, { editable: true })}
        />
      )}
    </main>
  );
}
