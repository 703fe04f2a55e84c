import { render } from 'preact';
import { browser } from 'wxt/browser';
import { QUICK_CAPTURE_COMMAND } from '../../background/shortcut';
import { loadSiteAdaptersJson } from '../../capture/site-adapters';
import { setLocale } from '../../i18n';
import { loadReportSettings } from '../../report/report-settings';
import { loadSettings } from '../../settings';
import '../../ui/gom.css';
import { OptionsForm } from '../../ui/options/OptionsForm';
import { ReportSettingsForm } from '../../ui/options/ReportSettingsForm';
import { ShortcutInfo } from '../../ui/options/ShortcutInfo';
import { SiteAdaptersForm } from '../../ui/options/SiteAdaptersForm';

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
