import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { type ClipInput, captureClip } from '../features/clip';
import { createClipMenu, listenForClipMenu, retitleClipMenu } from '../features/context-menu';
import { openGomDb } from '../features/db';
import { listenForMessages } from '../features/messages';
import { loadSettings } from '../features/settings';
import { createSyncScheduler, syncWithSettings } from '../features/sync-client';
import { setLocale } from '../i18n';

const SYNC_ALARM = 'gom-sync';
const SYNC_PERIOD_MINUTES = 5;

export default defineBackground(() => {
  const db = openGomDb();
  const requestSync = createSyncScheduler(() => syncWithSettings(db));
  // Failures are recorded in `lastError` for the side panel; the next trigger retries.
  const syncInBackground = () => void requestSync().catch(() => {});
  const capture = (input: ClipInput) => captureClip({ db, requestSync }, input);
  // Sync errors recorded here are worded in the officer's chosen language.
  const localeReady = loadSettings().then(({ locale }) => setLocale(locale));

  // Listeners are added in the worker's first turn: an event that wakes the worker is delivered
  // only to listeners registered by then.
  listenForClipMenu(capture);
  listenForMessages({ capture, requestSync });
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

  // Chromium may drop alarms on a browser restart: make sure the periodic sync exists at every start.
  void browser.alarms.get(SYNC_ALARM).then((alarm) => {
    if (!alarm) return browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
  });

  // Chromium's side panel; Firefox has a sidebar instead, and older Chromium lacks the call.
  browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.error('Gom: cannot open the side panel from the toolbar', error);
  });
});
