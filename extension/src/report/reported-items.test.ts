import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GomDb, openGomDb, type ReportedItem, readMeta } from '../store/db';
import type { Fetch } from '../sync/server-api';
import { refreshReportedItems, reportedIn } from './reported-items';

let db: GomDb;
beforeEach(() => {
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const settings = () => Promise.resolve({ serverUrl: 'https://gom.example', token: 'gom_t' });

function reported(itemId: string, reportId: string, reportedAt: string, kind: ReportedItem['kind'] = 'month') {
  return { itemId, kind, periodId: kind === 'month' ? '2021-03' : '2021-Q1', reportId, reportedAt };
}

/** The server's answers in turn, newest export first as it lists them; the URLs asked are kept. */
function serverAnswering(...pages: Array<{ items: ReportedItem[]; cursor: string | null }>) {
  const asked: string[] = [];
  const fetch: Fetch = async (input, init) => {
    asked.push(String(input));
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer gom_t');
    return Response.json(pages.shift());
  };
  return { fetch, asked };
}

describe('refreshReportedItems', () => {
  it('asks for the exports after the last one seen, and keeps every kind in Dexie', async () => {
    const first = [reported('a', 'r2', '2021-04-03T02:00:00.000Z'), reported('b', 'r1', '2021-04-02T02:00:00.000Z')];
    const second = [reported('a', 'r3', '2021-07-02T02:00:00.000Z', 'quarter')];
    const server = serverAnswering(
      { items: first, cursor: '2021-04-03T02:00:00.000Z' },
      { items: second, cursor: '2021-07-02T02:00:00.000Z' },
    );
    await refreshReportedItems(db, server.fetch, settings);
    const held = await refreshReportedItems(db, server.fetch, settings);
    expect(server.asked).toEqual([
      'https://gom.example/v1/reports/reported-items',
      'https://gom.example/v1/reports/reported-items?since=2021-04-03T02%3A00%3A00.000Z',
    ]);
    expect(await readMeta(db, 'reportedItems')).toEqual(held);
    expect(reportedIn(held ?? undefined, 'month')).toEqual(
      new Map([
        ['a', '2021-03'],
        ['b', '2021-03'],
      ]),
    );
    expect(reportedIn(held ?? undefined, 'quarter')).toEqual(new Map([['a', '2021-Q1']]));
  });

  it('names the newest report of an item exported twice', async () => {
    const server = serverAnswering({
      items: [reported('a', 'again', '2021-04-05T02:00:00.000Z'), reported('a', 'first', '2021-04-03T02:00:00.000Z')],
      cursor: '2021-04-05T02:00:00.000Z',
    });
    const held = await refreshReportedItems(db, server.fetch, settings);
    expect(held?.items.map((item) => item.reportId)).toEqual(['again']);
  });

  it('asks nothing without a server, and keeps what it had when the server refuses', async () => {
    const none = serverAnswering();
    expect(await refreshReportedItems(db, none.fetch, async () => ({ serverUrl: null, token: null }))).toBeNull();
    expect(none.asked).toEqual([]);
    const refusing: Fetch = async () => new Response('{}', { status: 401 });
    await expect(refreshReportedItems(db, refusing, settings)).rejects.toMatchObject({ reason: 'unauthorized' });
    expect(await readMeta(db, 'reportedItems')).toBeUndefined();
  });
});
