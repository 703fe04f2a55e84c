import { render } from 'preact';
import { openGomDb } from '../../features/db';
import { loadReportSettings } from '../../features/report-settings';
import { loadSettings } from '../../features/settings';
import { setLocale } from '../../i18n';
import '../../ui/gom.css';
import { SidePanel } from './SidePanel';

async function start(root: HTMLElement): Promise<void> {
  const db = openGomDb();
  // Opened while the settings are read, not after them: the list's first query waited for both in
  // turn. The side panel listens to the same opening: a database that cannot open says so there.
  db.open().catch(() => {});
  const [{ locale }, reportSettings] = await Promise.all([loadSettings(), loadReportSettings()]);
  setLocale(locale);
  document.documentElement.lang = locale;
  render(<SidePanel db={db} reportSettings={reportSettings} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
