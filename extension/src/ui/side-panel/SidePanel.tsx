import { defaultUnitConfig, type Finding, localIsoDate } from '@gom/shared';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { officerMessage } from '../../officer-error';
import {
  type CarryOverSuggestion,
  carryOverSuggestions,
  continuePlan,
  dismissCarryOver,
  plansPartHeading,
} from '../../period/carry-over';
import {
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
} from '../../period/list-edits';
import { reportKindFor, stepPeriod } from '../../period/panel-periods';
import { listedInPeriod, periodView, type ShownItem } from '../../period/period-view';
import type { LocalReportSettings } from '../../report/report-settings';
import { reportedIn } from '../../report/reported-items';
import { loadClassifier } from '../../store/classifier-store';
import { type GomDb, readMeta } from '../../store/db';
import { loadUnitConfig } from '../../store/unit-config-store';
import { Findings } from '../Findings';
import { useLiveQuery } from '../use-live-query';
import { CarryOver } from './CarryOver';
import { ClockNotices } from './ClockNotices';
import { FilterBar } from './FilterBar';
import type { RowActions } from './ItemRow';
import { PeriodList } from './PeriodList';
import { PeriodSwitcher, usePanelPeriod } from './PeriodSwitcher';
import { ReportActions, type Status } from './ReportActions';
import { SyncStatus } from './SyncStatus';

export interface SidePanelProps {
  db: GomDb;
  /** The unit's report settings kept in this browser: they say how each kind's periods are cut. */
  reportSettings: LocalReportSettings;
  today?: string;
}

/** The period's clips, the sync state, and the one-click report. */
export function SidePanel({ db, reportSettings, today = localIsoDate(new Date()) }: SidePanelProps) {
  const s = t().sidePanel;
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [filter, setFilter] = useState<ItemFilter>(noFilter);
  // Dates picked inside one period mean nothing in the next.
  const { kind, period, optionsOf, switchKind, step, pick } = usePanelPeriod(today, reportSettings, () => {
    setFindings(null);
    setFilter((current) => ({ ...current, from: '', to: '' }));
  });
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
  // model is read and validated for a period that has some, not before every first frame.
  const needsClassifier = listed?.some((item) => item.category === null) ?? false;
  const classifier = useLiveQuery(
    () => (needsClassifier ? loadClassifier(db) : Promise.resolve(undefined)),
    [db, needsClassifier],
  );
  // The unit's templates and taxonomy as the last sync brought them: the list is laid out as the
  // unit's report is, and waits for them rather than showing the built-in layout first.
  const unit = useLiveQuery(() => loadUnitConfig(db), [db]);
  const view = useMemo(
    () =>
      listed && unit && (classifier || !needsClassifier) ? periodView(listed, period, unit, classifier) : undefined,
    [listed, period, unit, classifier, needsClassifier],
  );
  const pending = useLiveQuery(() => db.outbox.count(), [db]);
  const [lastSync, lastError] =
    useLiveQuery(() => Promise.all([readMeta(db, 'lastSync'), readMeta(db, 'lastError')]), [db]) ?? [];
  const [status, setStatus] = useState<Status | null>(null);
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
  const plansHeading = useMemo(() => unit && plansPartHeading(period, unit), [period.id, unit]);

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

  return (
    <>
      <PeriodSwitcher
        period={period}
        kind={kind}
        thisYear={Number(today.slice(0, 4))}
        onKind={switchKind}
        onStep={step}
        onPick={pick}
      />
      <SyncStatus pending={pending} lastSync={lastSync} lastError={lastError} />
      <ClockNotices db={db} taxonomy={(unit ?? defaultUnitConfig).taxonomy} />
      <ReportActions
        db={db}
        period={period}
        reportSettings={reportSettings}
        today={today}
        onStatus={setStatus}
        onFindings={setFindings}
      />
      <FilterBar filter={filter} onChange={setFilter} />
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
        categories={(unit ?? defaultUnitConfig).taxonomy.categories}
        plansExtra={
          plansHeading && carryOver && carryOver.length > 0 && !isFiltering(filter)
            ? { heading: plansHeading, content: <CarryOver suggestions={carryOver} {...carryOverActions} /> }
            : null
        }
      />
    </>
  );
}
