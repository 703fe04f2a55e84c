import type { MonthPeriod } from '@gom/shared';
import { bearer, callServer, type Fetch } from './server-api';

/** The name officers file it under: "bao-cao-thang-2026-11.docx". */
export function reportFileName(period: MonthPeriod): string {
  return `bao-cao-thang-${period.id}.docx`;
}

/** The unit's monthly report as the server assembles it from everyone's synced items. */
export async function fetchMonthReport({
  serverUrl,
  token,
  period,
  fetch = globalThis.fetch,
}: {
  serverUrl: string;
  token: string;
  period: MonthPeriod;
  fetch?: Fetch;
}): Promise<Blob> {
  const response = await callServer(fetch, `${serverUrl}/v1/reports/month/${period.id}.docx`, {
    headers: bearer(token),
  });
  return response.blob();
}
