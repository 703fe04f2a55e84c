import { localIsoDate } from '@gom/shared';
import { render } from 'preact';
import { loadCaptureDraft } from '../../features/capture-source';
import { openGomDb } from '../../features/db';
import { readTab } from '../../features/page-reader';
import { loadSettings } from '../../features/settings';
import { loadSiteAdapters } from '../../features/site-adapters';
import { setLocale } from '../../i18n';
import '../../ui/gom.css';
import { QuickCapture } from './QuickCapture';

async function start(root: HTMLElement): Promise<void> {
  const { locale } = await loadSettings();
  setLocale(locale);
  document.documentElement.lang = locale;
  const draft = await loadCaptureDraft(location.search, async (tabId) => readTab(tabId, await loadSiteAdapters()));
  render(
    <QuickCapture db={openGomDb()} draft={draft} today={localIsoDate(new Date())} onClose={() => window.close()} />,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
