import { localIsoDate, type Period, parsePeriod, periodOptions } from '@gom/shared';
import { render } from 'preact';
import { openGomDb } from '../../features/db';
import { reportKindFor } from '../../features/period-choice';
import { loadReportSettings } from '../../features/report-settings';
import { loadSettings } from '../../features/settings';
import { setLocale } from '../../i18n';
import '../../ui/gom.css';
import { ReportPreview } from './ReportPreview';

async function start(root: HTMLElement): Promise<void> {
  const [{ locale }, reportSettings] = await Promise.all([loadSettings(), loadReportSettings()]);
  setLocale(locale);
  document.documentElement.lang = locale;
  const today = localIsoDate(new Date());
  const asked = new URLSearchParams(location.search).get('period') ?? '';
  // A page opened by hand or from an old link: the current month rather than an empty page.
  let calendar: Period;
  try {
    calendar = parsePeriod(asked);
  } catch {
    calendar = parsePeriod(today.slice(0, 7));
  }
  // Parsed again with the cut-off the unit chose for this kind of report.
  const period = parsePeriod(calendar.id, periodOptions(reportSettings[reportKindFor(calendar)] ?? {}));
  render(<ReportPreview db={openGomDb()} period={period} reportSettings={reportSettings} today={today} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
