import { localIsoDate } from '@gom/shared';
import { render } from 'preact';
import { setLocale } from '../../i18n';
import { loadReportSettings } from '../../report/report-settings';
import { loadSettings } from '../../settings';
import { openGomDb } from '../../store/db';
import { correctedNow } from '../../sync/server-clock';
import '../../ui/gom.css';
import { SidePanel } from '../../ui/side-panel/SidePanel';

async function start(root: HTMLElement): Promise<void> {
  const db = openGomDb();
  // Opened while the settings are read, not after them: the list's first query waited for both in
  // turn. The side panel listens to the same opening: a database that cannot open says so there.
  const opened = db.open();
  opened.catch(() => {});
  // Today by the server's clock: a PC set to 2020 would open on a period long past. A database that
  // cannot open would hold the read for ever: the PC's date then, and the panel says what failed.
  const today = opened.then(
    () => correctedNow(db),
    () => new Date(),
  );
  const [{ locale }, reportSettings, now] = await Promise.all([loadSettings(), loadReportSettings(), today]);
  setLocale(locale);
  document.documentElement.lang = locale;
  render(<SidePanel db={db} reportSettings={reportSettings} today={localIsoDate(now)} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
