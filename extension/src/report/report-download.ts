import { localIsoDate, type Period } from '@gom/shared';
import { reportKindFor } from '../period/panel-periods';
import { bearer, callServer, type Fetch } from '../sync/server-api';

// How officers file reports: "bao-cao-thang-2026-11-…docx", "bao-cao-quy-2026-Q4-…docx".
const FILE_WORD: Record<Period['kind'], string> = {
  week: 'tuan',
  month: 'thang',
  quarter: 'quy',
  half: '6-thang',
  nine_months: '9-thang',
  year: 'nam',
  custom: 'tu-ngay',
};

/**
 * Whose items a report holds: the officer's own, assembled offline in this browser, or the unit's,
 * assembled by the server from everyone's; the two are different documents and never share a name.
 */
type ReportScope = 'own' | 'unit';

const SCOPE_WORD: Record<ReportScope, string> = { own: 'ca-nhan', unit: 'don-vi' };

export function reportFileName(period: Pick<Period, 'kind' | 'id'>, scope: ReportScope): string {
  return `bao-cao-${FILE_WORD[period.kind]}-${period.id.replace('..', '-den-')}-${SCOPE_WORD[scope]}.docx`;
}

/**
 * The unit's report of the period as the server assembles it from everyone's synced items (editors
 * only), issued on the officer's own today: the server's clock may be in another time zone.
 */
export async function fetchTeamReport({
  serverUrl,
  token,
  period,
  issuedOn = localIsoDate(new Date()),
  fetch = globalThis.fetch,
}: {
  serverUrl: string;
  token: string;
  period: Period;
  issuedOn?: string;
  fetch?: Fetch;
}): Promise<Blob> {
  const url = `${serverUrl}/v1/reports/${reportKindFor(period)}/${period.id}.docx?issued=${issuedOn}`;
  const response = await callServer(fetch, url, { headers: bearer(token) });
  return response.blob();
}
