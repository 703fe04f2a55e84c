import { type ReportKind, reportKindSchema } from '@gom/shared';
import { z } from 'zod';
import { type GomDb, type ReportedItem, type ReportedItems, readMeta, writeMeta } from '../store/db';
import { bearer, callServer, type Fetch, readJson, type SettingsSource } from '../sync/server-api';

const reportedItemSchema: z.ZodType<ReportedItem> = z.object({
  itemId: z.string(),
  kind: reportKindSchema,
  periodId: z.string(),
  reportId: z.string(),
  reportedAt: z.string(),
});

const reportedItemsResponseSchema = z.object({
  items: z.array(reportedItemSchema),
  cursor: z.string().nullable(),
});

/**
 * Asks the server which items are in an exported team report since the last time, and keeps them
 * with the rest. Every kind at once: one request, and a month's items stay marked when the panel
 * switches to the quarter.
 */
export async function refreshReportedItems(
  db: GomDb,
  fetch: Fetch,
  settings: SettingsSource,
): Promise<ReportedItems | null> {
  const { serverUrl, token } = await settings();
  if (!serverUrl || !token) return null;
  const held = (await readMeta(db, 'reportedItems')) ?? { cursor: null, items: [] };
  const query = held.cursor ? `?since=${encodeURIComponent(held.cursor)}` : '';
  const response = await callServer(fetch, `${serverUrl}/v1/reports/reported-items${query}`, {
    headers: bearer(token),
  });
  const page = await readJson(response, reportedItemsResponseSchema);
  const byKey = new Map(held.items.map((item) => [`${item.kind} ${item.itemId}`, item]));
  // The server lists the newest first; a later export of the same kind and item (a report made
  // again) must name the newer report.
  for (const item of page.items.toReversed()) byKey.set(`${item.kind} ${item.itemId}`, item);
  const next: ReportedItems = { cursor: page.cursor ?? held.cursor, items: [...byKey.values()] };
  await writeMeta(db, 'reportedItems', next);
  return next;
}

/** The items already in an exported report of this kind, each with the period it was reported in. */
export function reportedIn(held: ReportedItems | undefined, kind: ReportKind): Map<string, string> {
  return new Map((held?.items ?? []).filter((item) => item.kind === kind).map((item) => [item.itemId, item.periodId]));
}
