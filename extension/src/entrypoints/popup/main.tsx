import { localIsoDate, periodOptions } from '@gom/shared';
import { render } from 'preact';
import { loadCaptureDraft } from '../../features/capture-source';
import { loadClassifier } from '../../features/classifier-store';
import { openGomDb } from '../../features/db';
import { readTab } from '../../features/page-reader';
import { loadReportSettings } from '../../features/report-settings';
import { correctedNow } from '../../features/server-clock';
import { loadSettings } from '../../features/settings';
import { loadSiteAdapters } from '../../features/site-adapters';
import { setLocale } from '../../i18n';
import '../../ui/gom.css';
import { QuickCapture } from './QuickCapture';

async function start(root: HTMLElement): Promise<void> {
  const { locale } = await loadSettings();
  setLocale(locale);
  document.documentElement.lang = locale;
  const db = openGomDb();
  const [draft, classifier, reportSettings, now] = await Promise.all([
    loadCaptureDraft(location.search, async (tabId) => readTab(tabId, await loadSiteAdapters())),
    loadClassifier(db),
    loadReportSettings(),
    correctedNow(db),
  ]);
  render(
    <QuickCapture
      db={db}
      draft={draft}
      today={localIsoDate(now)}
      classifier={classifier}
      monthOptions={periodOptions(reportSettings.month ?? {})}
      onClose={() => window.close()}
    />,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
