import { localIsoDate, type Period, parsePeriod, periodOptions } from '@gom/shared';
import { render } from 'preact';
import { setLocale } from '../../i18n';
import { reportKindFor } from '../../period/panel-periods';
import { loadReportSettings } from '../../report/report-settings';
import { loadSettings } from '../../settings';
import { openGomDb } from '../../store/db';
import '../../ui/gom.css';
import { ReportPreview } from '../../ui/report-preview/ReportPreview';

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
