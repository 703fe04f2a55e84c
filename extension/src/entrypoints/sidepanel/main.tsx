import { render } from 'preact';
import { openGomDb } from '../../features/db';
import { loadReportSettings } from '../../features/report-settings';
import { loadSettings } from '../../features/settings';
import { setLocale } from '../../i18n';
import '../../ui/gom.css';
import { SidePanel } from './SidePanel';

async function start(root: HTMLElement): Promise<void> {
  const [{ locale }, reportSettings] = await Promise.all([loadSettings(), loadReportSettings()]);
  setLocale(locale);
  document.documentElement.lang = locale;
  render(<SidePanel db={openGomDb()} reportSettings={reportSettings} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
