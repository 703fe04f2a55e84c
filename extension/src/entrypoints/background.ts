import { periodOptions } from '@gom/shared';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BADGE_COLORS, createClipMenu, listenForClipMenu, retitleClipMenu } from '../background/context-menu';
import { listenForMessages } from '../background/messages';
import {
  listenForShortcut,
  openQuickCapture,
  type QuickCaptureDeps,
  showQuickCapture,
  type TabInfo,
} from '../background/shortcut';
import { type ClipInput, captureClip } from '../capture/clip';
import { duplicatePeriod } from '../capture/duplicate';
import { clipDocument, gatherDocuments, type PageCaptureDeps } from '../capture/page-capture';
import { readTab } from '../capture/read-tab';
import { reviewDamagedClip } from '../capture/repair-review';
import { loadSiteAdapters } from '../capture/site-adapters';
import { setLocale } from '../i18n';
import { loadReportSettings } from '../report/report-settings';
import { refreshReportedItems } from '../report/reported-items';
import { loadSettings } from '../settings';
import { openGomDb } from '../store/db';
import { pendingBadgeText, watchPendingCount } from '../sync/sync-badge';
import { createSyncScheduler, syncWithSettings } from '../sync/sync-client';
import { syncUnitConfig } from '../sync/unit-config-sync';

const SYNC_ALARM = 'gom-sync';
const SYNC_PERIOD_MINUTES = 5;

export default defineBackground(() => {
  const db = openGomDb();
  const requestSync = createSyncScheduler(async () => {
    const result = await syncWithSettings(db, fetch, loadSettings);
    // Online, then: which items are already in an exported team report, for the side panel's marks.
    // Only a hint; a failure here (an older server without the list) must not fail the sync.
    await refreshReportedItems(db, fetch, loadSettings).catch((error: unknown) => {
      console.warn('Gom: cannot list the reported items', error);
    });
    // The officer's corrections to the unit's model, and the unit's configuration back, for offline use.
    await syncUnitConfig(db, fetch, loadSettings).catch((error: unknown) => {
      console.warn("Gom: cannot bring the unit's configuration", error);
    });
    return result;
  });
  // Failures are recorded in `lastError` for the side panel; the next trigger retries.
  const syncInBackground = () => void requestSync().catch(() => {});
  // Duplicates are looked for in the month as the unit cuts it (calendar, or Nghị định 09's 15th–14th).
  const periodOf = async (date: string) =>
    duplicatePeriod(date, periodOptions((await loadReportSettings()).month ?? {}));
  // A clip that looks damaged opens in quick capture, for the officer to review its repair.
  const review = (input: ClipInput) => reviewDamagedClip((draft) => showQuickCapture(quick.openWindow, draft), input);
  const capture = (input: ClipInput) => captureClip({ db, requestSync, periodOf, review }, input);
  // Sync errors recorded here are worded in the officer's chosen language.
  const localeReady = loadSettings().then(({ locale }) => setLocale(locale));

  const read = async (tabId: number) => readTab(tabId, await loadSiteAdapters());
  const pages: PageCaptureDeps = {
    db,
    requestSync,
    read,
    periodOf,
    openPage: (path) => browser.tabs.create({ url: browser.runtime.getURL(path as '/gather.html') }),
    openQuickCapture: (draft) => showQuickCapture(quick.openWindow, draft),
  };
  const quick: QuickCaptureDeps = {
    read,
    openWindow: (path) =>
      browser.windows.create({
        url: browser.runtime.getURL(path as '/popup.html'),
        type: 'popup',
        width: 480,
        height: 640,
      }),
  };
  const quickCapture = (tab: TabInfo | undefined) => openQuickCapture(quick, tab);

  // Listeners are added in the worker's first turn: an event that wakes the worker is delivered
  // only to listeners registered by then.
  listenForClipMenu({
    capture,
    clipDocument: (tabId) => clipDocument(pages, tabId),
    gather: (tabId) => gatherDocuments(pages, tabId),
  });
  listenForShortcut(quickCapture);
  listenForMessages({
    capture,
    requestSync,
    clipDocument: (tabId) => clipDocument(pages, tabId),
    gather: (tabId) => gatherDocuments(pages, tabId),
    quickCapture: async (tabId) => quickCapture(await browser.tabs.get(tabId)),
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) syncInBackground();
  });
  self.addEventListener('online', syncInBackground);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !('locale' in changes)) return;
    void loadSettings()
      .then(({ locale }) => setLocale(locale))
      .then(retitleClipMenu);
  });
  browser.runtime.onInstalled.addListener(() => {
    void localeReady.then(createClipMenu);
  });
  // The worker lives as long as the browser needs it: the badge follows the outbox meanwhile,
  // in the grey a menu action's outcome goes back to.
  void browser.action.setBadgeBackgroundColor({ color: BADGE_COLORS.count });
  watchPendingCount(
    db,
    (count) => void browser.action.setBadgeText({ text: pendingBadgeText(count) }),
    new AbortController().signal,
  );

  // Chromium may drop alarms on a browser restart: make sure the periodic sync exists at every start.
  void browser.alarms.get(SYNC_ALARM).then((alarm) => {
    if (!alarm) return browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
  });

  // The toolbar button opens quick capture (the popup); the side panel opens from there or from
  // the browser's side panel menu.
  browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch((error: unknown) => {
    console.error('Gom: cannot set the side panel behaviour', error);
  });
});
