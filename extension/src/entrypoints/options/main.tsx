import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadReportSettings } from '../../features/report-settings';
import { loadSettings } from '../../features/settings';
import { QUICK_CAPTURE_COMMAND } from '../../features/shortcut';
import { loadSiteAdaptersJson } from '../../features/site-adapters';
import { setLocale } from '../../i18n';
import '../../ui/gom.css';
import { OptionsForm } from './OptionsForm';
import { ReportSettingsForm } from './ReportSettingsForm';
import { ShortcutInfo } from './ShortcutInfo';
import { SiteAdaptersForm } from './SiteAdaptersForm';

async function start(root: HTMLElement): Promise<void> {
  const [settings, adaptersJson, commands, reportSettings] = await Promise.all([
    loadSettings(),
    loadSiteAdaptersJson(),
    browser.commands.getAll(),
    loadReportSettings(),
  ]);
  setLocale(settings.locale);
  document.documentElement.lang = settings.locale;
  const shortcut = commands.find((command) => command.name === QUICK_CAPTURE_COMMAND)?.shortcut ?? null;
  render(
    <>
      <OptionsForm initial={settings} />
      <ReportSettingsForm initial={reportSettings} />
      <SiteAdaptersForm initial={adaptersJson} />
      <ShortcutInfo shortcut={shortcut} />
    </>,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
