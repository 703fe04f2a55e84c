import { localIsoDate, periodOptions } from '@gom/shared';
import { render } from 'preact';
import { loadCaptureDraft } from '../../capture/capture-source';
import { readTab } from '../../capture/read-tab';
import { loadSiteAdapters } from '../../capture/site-adapters';
import { setLocale } from '../../i18n';
import { loadReportSettings } from '../../report/report-settings';
import { loadSettings } from '../../settings';
import { loadClassifier } from '../../store/classifier-store';
import { openGomDb } from '../../store/db';
import { loadUnitConfig } from '../../store/unit-config-store';
import { correctedNow } from '../../sync/server-clock';
import '../../ui/gom.css';
import { QuickCapture } from '../../ui/quick-capture/QuickCapture';

async function start(root: HTMLElement): Promise<void> {
  const { locale } = await loadSettings();
  setLocale(locale);
  document.documentElement.lang = locale;
  const db = openGomDb();
  const [draft, classifier, unit, reportSettings, now] = await Promise.all([
    loadCaptureDraft(location.search, async (tabId) => readTab(tabId, await loadSiteAdapters())),
    loadClassifier(db),
    loadUnitConfig(db),
    loadReportSettings(),
    correctedNow(db),
  ]);
  render(
    <QuickCapture
      db={db}
      draft={draft}
      today={localIsoDate(now)}
      classifier={classifier}
      unit={unit}
      monthOptions={periodOptions(reportSettings.month ?? {})}
      onClose={() => window.close()}
    />,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
