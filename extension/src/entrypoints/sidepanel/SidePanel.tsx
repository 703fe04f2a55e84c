import {
  type Finding,
  itemKinds,
  localIsoDate,
  type Period,
  periodOptions,
  type ReportModel,
  renderText,
} from '@gom/shared';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  type CarryOverSuggestion,
  carryOverSuggestions,
  continuePlan,
  dismissCarryOver,
  plansPartHeading,
} from '../../features/carry-over';
import { loadClassifier } from '../../features/classifier-store';
import { type GomDb, readMeta } from '../../features/db';
import {
  type AuthorFilter,
  editText,
  filterView,
  type ItemFilter,
  isFiltering,
  mineIn,
  moveToCategory,
  moveWithinSection,
  noFilter,
  placeItem,
  setDeleted,
} from '../../features/item-edits';
import { askBackground } from '../../features/messages';
import { OfficerError, officerMessage } from '../../features/officer-error';
import { type PanelPeriodKind, periodHolding, reportKindFor, stepPeriod } from '../../features/period-choice';
import { listedInPeriod, periodView, type ShownItem } from '../../features/period-view';
import { fetchTeamReport, reportFileName } from '../../features/report-download';
import type { LocalReportSettings } from '../../features/report-settings';
import { reportedIn } from '../../features/reported-items';
import { loadSettings } from '../../features/settings';
import { t } from '../../i18n';
import { Findings } from '../../ui/Findings';
import { saveFile } from '../../ui/save-file';
import { useLiveQuery } from '../../ui/use-live-query';
import { CarryOver } from './CarryOver';
import { ClockNotices } from './ClockNotices';
import type { RowActions } from './ItemRow';
import { PeriodList } from './PeriodList';
import { PeriodSwitcher } from './PeriodSwitcher';
import { SyncStatus } from './SyncStatus';

const authors: readonly AuthorFilter[] = ['mine', 'others'];

interface Status {
  text: string;
  error: boolean;
}

export interface SidePanelProps {
  db: GomDb;
  /** The unit's report settings kept in this browser: they say how each kind's periods are cut. */
  reportSettings: LocalReportSettings;
  today?: string;
}

/** The period's clips, the sync state, and the one-click report. */
export function SidePanel({ db, reportSettings, today = localIsoDate(new Date()) }: SidePanelProps) {
  const s = t().sidePanel;
  const [kind, setKind] = useState<PanelPeriodKind>('month');
  const optionsOf = (p: Period) => periodOptions(reportSettings[reportKindFor(p)] ?? {});
  const [period, setPeriod] = useState<Period>(() =>
    periodHolding('month', today, periodOptions(reportSettings.month ?? {})),
  );
  // A list that cannot be read says so, rather than "Loading…" for ever.
  const [listError, setListError] = useState<string | null>(null);
  // A database that cannot open fails no query: Dexie holds each one until it opens, which a
  // broken store never does. Its opening says it.
  useEffect(() => {
    db.open().catch((error: unknown) => setListError(officerMessage(error)));
  }, [db]);
  const listed = useLiveQuery(
    async () => {
      const read = await listedInPeriod(db, period);
      // Where reading IndexedDB ends and laying out the list begins: the first-render benchmark
      // (and DevTools' performance panel) splits the side panel's opening time at this mark.
      performance.mark('gom:period-records-read');
      setListError(null);
      return read;
    },
    [db, period.id],
    (error) => setListError(officerMessage(error)),
  );
  // The classifier only places items without a category (pulled from an older client): the stored
  // model is read and validated (~8 ms) for a period that has some, not before every first frame.
  const needsClassifier = listed?.some((item) => item.category === null) ?? false;
  const classifier = useLiveQuery(
    () => (needsClassifier ? loadClassifier(db) : Promise.resolve(undefined)),
    [db, needsClassifier],
  );
  const view = useMemo(
    () => (listed && (classifier || !needsClassifier) ? periodView(listed, period, undefined, classifier) : undefined),
    [listed, period, classifier, needsClassifier],
  );
  const pending = useLiveQuery(() => db.outbox.count(), [db]);
  const [lastSync, lastError] =
    useLiveQuery(() => Promise.all([readMeta(db, 'lastSync'), readMeta(db, 'lastError')]), [db]) ?? [];
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [filter, setFilter] = useState<ItemFilter>(noFilter);
  const clientId = useLiveQuery(() => readMeta(db, 'clientId'), [db]);
  const isMine = useMemo(() => mineIn(listed ?? [], clientId), [listed, clientId]);
  const shown = useMemo(() => view && filterView(view, filter, isMine), [view, filter, isMine]);
  const reportedHeld = useLiveQuery(() => readMeta(db, 'reportedItems'), [db]);
  const reported = useMemo(() => reportedIn(reportedHeld, reportKindFor(period)), [reportedHeld, period.id]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [undoable, setUndoable] = useState<ShownItem | null>(null);
  // The unfinished plans made for the period shown, offered for the next one. Asked for once the
  // list is there: the plans are read whole, a scan of every item that, run beside the list's own
  // query, held back the list's first frame.
  const listShown = view !== undefined;
  const carryOver = useLiveQuery(async () => {
    if (!listShown) return undefined;
    // A custom range or nine months has no period before it to step back to.
    const previous = stepPeriod(period, -1, optionsOf(period));
    return carryOverSuggestions(db, period, previous.id === period.id ? null : previous);
  }, [db, period.id, listShown]);
  const plansHeading = useMemo(() => plansPartHeading(period), [period.id]);

  function switchKind(next: PanelPeriodKind): void {
    setKind(next);
    const probe = periodHolding(next, today);
    setPeriod(periodHolding(next, today, optionsOf(probe)));
    setFindings(null);
    clearDates();
  }
  function step(direction: -1 | 0 | 1): void {
    const options = optionsOf(period);
    setPeriod(direction === 0 ? periodHolding(kind, today, options) : stepPeriod(period, direction, options));
    setFindings(null);
    clearDates();
  }
  // Dates picked inside one period mean nothing in the next.
  function clearDates(): void {
    setFilter((current) => ({ ...current, from: '', to: '' }));
  }

  // An edit that fails (an empty text) says why in the status line; the list shows what was saved.
  const attempt = async (edit: () => Promise<unknown>) => {
    try {
      await edit();
    } catch (error) {
      setStatus({ text: officerMessage(error), error: true });
    }
  };
  const actions: RowActions = {
    select: setSelectedId,
    edit: (item, text) => attempt(() => editText(db, item.id, text)),
    moveTo: (item, category) => attempt(() => moveToCategory(db, item.id, category)),
    move: (item, direction) => {
      // Among the whole section, not the filtered one: a hidden item keeps its place.
      const section = view?.parts
        .flatMap((part) => part.sections)
        .find((candidate) => candidate.items.some((i) => i.id === item.id));
      return attempt(() => moveWithinSection(db, section?.items ?? [], item.id, direction));
    },
    place: (id, where, target) => {
      const section = view?.parts
        .find((part) => part.heading === where.part)
        ?.sections.find((candidate) => candidate.heading === where.section);
      return section ? attempt(() => placeItem(db, section, id, target)) : Promise.resolve();
    },
    remove: (item) =>
      attempt(async () => {
        await setDeleted(db, item.id, true);
        setUndoable(item);
        setSelectedId(null);
      }),
  };

  const carryOverActions = {
    onContinue: (suggestion: CarryOverSuggestion) => void attempt(() => continuePlan(db, suggestion, period)),
    onDismiss: (suggestion: CarryOverSuggestion) => void attempt(() => dismissCarryOver(db, suggestion.planId)),
  };

  // Syncing is the background's job (one sync at a time for the whole extension): ask it, now —
  // the officer is waiting, so the backoff of earlier failures is skipped.
  async function sync(): Promise<void> {
    setStatus({ text: s.syncing, error: false });
    try {
      const reply = await askBackground({ type: 'sync', immediate: true });
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

  /** The period's report from this browser's items, its check shown; then `use` does the rest. */
  async function withLocalReport(
    use: (model: ReportModel, local: typeof import('../../features/local-report')) => Promise<string>,
  ): Promise<void> {
    setStatus({ text: s.preparingReport, error: false });
    try {
      // The .docx writer is most of the page's code: loaded when a report is asked for, not
      // before the list can show (the side panel's first render has a 200 ms budget).
      const local = await import('../../features/local-report');
      const report = await local.buildLocalReport({
        db,
        period,
        settings: reportSettings[reportKindFor(period)] ?? {},
        classifier: await loadClassifier(db),
        today,
      });
      setFindings(report.findings);
      setStatus({ text: await use(report.model, local), error: false });
    } catch (error) {
      setStatus({ text: officerMessage(error), error: true });
    }
  }

  // One click, offline: this officer's own items, assembled and rendered in this page (the service
  // worker has no DOM for the download, and may be stopped mid-way); checked before it is saved.
  const downloadReport = () =>
    withLocalReport(async (model, { docxBlob }) => {
      const fileName = reportFileName(period);
      saveFile(await docxBlob(model), fileName);
      return s.reportDownloaded(fileName);
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
    setStatus({ text: s.syncing, error: false });
    const reply = await askBackground({ type: 'sync', immediate: true }).catch((error: unknown) => ({
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
      saveFile(await fetchTeamReport({ serverUrl, token, period }), fileName);
      setStatus({ text: s.reportDownloaded(fileName), error: false });
    } catch (error) {
      setStatus({ text: officerMessage(error), error: true });
    }
  }

  function openPreview(): void {
    void browser.tabs.create({
      url: browser.runtime.getURL(`/report.html?period=${encodeURIComponent(period.id)}` as '/report.html'),
    });
  }

  return (
    <>
      <PeriodSwitcher period={period} kind={kind} onKind={switchKind} onStep={step} />
      <SyncStatus pending={pending} lastSync={lastSync} lastError={lastError} />
      <ClockNotices db={db} />
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
        <button
          type="button"
          data-action="download-team-report"
          disabled={busy}
          onClick={() => run(downloadTeamReport)}
        >
          {s.teamReport}
        </button>
        <button type="button" data-action="open-options" onClick={() => browser.runtime.openOptionsPage()}>
          {s.openOptions}
        </button>
      </div>
      <search class="filters">
        <input
          type="search"
          name="search"
          aria-label={s.search}
          placeholder={s.search}
          value={filter.text}
          onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
        />
        <select
          name="kind-filter"
          aria-label={s.allKinds}
          value={filter.kind ?? ''}
          onChange={(e) => {
            const itemKind = itemKinds.find((k) => k === e.currentTarget.value) ?? null;
            setFilter({ ...filter, kind: itemKind });
          }}
        >
          <option value="">{s.allKinds}</option>
          {itemKinds.map((itemKind) => (
            <option key={itemKind} value={itemKind}>
              {t().capture.kinds[itemKind]}
            </option>
          ))}
        </select>
        <select
          name="author-filter"
          aria-label={s.allAuthors}
          value={filter.author ?? ''}
          onChange={(e) => {
            const author = authors.find((a) => a === e.currentTarget.value) ?? null;
            setFilter({ ...filter, author });
          }}
        >
          <option value="">{s.allAuthors}</option>
          <option value="mine">{s.mine}</option>
          <option value="others">{s.others}</option>
        </select>
        <label class="inline">
          {s.fromDate}
          <input
            type="date"
            name="from-date"
            min={period.from}
            max={period.to}
            value={filter.from}
            onInput={(e) => setFilter({ ...filter, from: e.currentTarget.value })}
          />
        </label>
        <label class="inline">
          {s.toDate}
          <input
            type="date"
            name="to-date"
            min={period.from}
            max={period.to}
            value={filter.to}
            onInput={(e) => setFilter({ ...filter, to: e.currentTarget.value })}
          />
        </label>
      </search>
      {undoable && (
        <p class="muted" data-role="undo" role="status">
          {s.deleted(undoable.text)}{' '}
          <button
            type="button"
            data-action="undo"
            onClick={() =>
              void attempt(async () => {
                await setDeleted(db, undoable.id, false);
                setUndoable(null);
              })
            }
          >
            {s.undo}
          </button>
        </p>
      )}
      {status && (
        <p class={status.error ? 'error' : 'muted'} data-role="status" data-error={status.error} role="status">
          {status.text}
        </p>
      )}
      {findings && <Findings title={s.findings(findings.length)} findings={findings} />}
      <PeriodList
        view={shown}
        error={listError}
        filtered={isFiltering(filter)}
        selectedId={selectedId}
        actions={actions}
        reported={reported}
        plansExtra={
          plansHeading && carryOver && carryOver.length > 0 && !isFiltering(filter)
            ? { heading: plansHeading, content: <CarryOver suggestions={carryOver} {...carryOverActions} /> }
            : null
        }
      />
    </>
  );
}
