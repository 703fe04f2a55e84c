import { type Item, itemKinds, localIsoDate, monthOf } from '@gom/shared';
import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type GomDb, readMeta } from '../../features/db';
import {
  editText,
  filterView,
  type ItemFilter,
  moveToCategory,
  moveWithinSection,
  noFilter,
  setDeleted,
} from '../../features/item-edits';
import { askBackground } from '../../features/messages';
import { monthView, recordsInMonth } from '../../features/month-view';
import { OfficerError, officerMessage } from '../../features/officer-error';
import { fetchMonthReport, reportFileName } from '../../features/report-download';
import { loadSettings } from '../../features/settings';
import { t } from '../../i18n';
import { saveFile } from '../../ui/save-file';
import { useLiveQuery } from '../../ui/use-live-query';
import type { RowActions } from './ItemRow';
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
  const [filter, setFilter] = useState<ItemFilter>(noFilter);
  const shown = useMemo(() => view && filterView(view, filter), [view, filter]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [undoable, setUndoable] = useState<Item | null>(null);

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
    remove: (item) =>
      attempt(async () => {
        await setDeleted(db, item.id, true);
        setUndoable(item);
        setSelectedId(null);
      }),
  };

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
            const kind = itemKinds.find((k) => k === e.currentTarget.value) ?? null;
            setFilter({ ...filter, kind });
          }}
        >
          <option value="">{s.allKinds}</option>
          {itemKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t().capture.kinds[kind]}
            </option>
          ))}
        </select>
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
      <MonthList
        view={shown}
        filtered={filter.text.trim() !== '' || filter.kind !== null}
        selectedId={selectedId}
        actions={actions}
      />
    </>
  );
}
