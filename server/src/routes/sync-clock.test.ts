import { randomUUID } from 'node:crypto';
import { CLOCK_AHEAD_PROBLEM, CLOCK_DRIFT_HEADER, formatHlc, type Mutation, SERVER_TIME_HEADER } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { healFutureClocks } from '../services/clock';
import { setUpServer, testAdapters } from '../test-support';

const NOW = Date.UTC(2026, 11, 7, 9);
const DRIFT = 5 * 60_000;
let env: Awaited<ReturnType<typeof setUpServer>>;
let token: string;
let seq = 0;

const headers = () => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
function mutation(ms: number, set: Mutation['set'] = { text: 'Góp ý dự thảo' }, itemId = randomUUID()): Mutation {
  seq += 1;
  return {
    mutationId: `clock${String(seq).padStart(6, '0')}`,
    itemId,
    hlc: formatHlc({ ms, counter: 0, node: 'pc' }),
    set,
  };
}
const push = (mutations: Mutation[]) =>
  env.app.request('/v1/sync/push', {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ clientId: 'pc', mutations }),
  });
const pull = async () =>
  (await (await env.app.request('/v1/sync/pull?since=0&limit=100', { headers: headers() })).json()) as {
    items: Array<{ id: string; fields: { text?: string }; clocks: Record<string, string> }>;
  };

describe.each(testAdapters)('clocks on $name', (adapter) => {
  beforeEach(async () => {
    env = await setUpServer(adapter, { now: () => NOW, maxClockDriftMs: DRIFT });
    token = await env.tokenFor();
  });
  afterEach(() => env.dispose());

  it('tells its time on every answer, refusals and unknown routes included', async () => {
    for (const res of [
      await env.app.request('/v1/health'),
      await env.app.request('/v1/nowhere'),
      await env.app.request('/v1/sync/pull'),
      await push([mutation(NOW)]),
    ]) {
      expect(res.headers.get(SERVER_TIME_HEADER)).toBe(String(NOW));
      expect(res.headers.get(CLOCK_DRIFT_HEADER)).toBe(String(DRIFT));
    }
  });

  it('refuses a batch holding one clock beyond the drift, stores nothing, and says its time', async () => {
    const res = await push([mutation(NOW), mutation(NOW + DRIFT + 1)]);
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem).toMatchObject({ type: CLOCK_AHEAD_PROBLEM, status: 400, serverTime: NOW, maxClockDriftMs: DRIFT });
    expect(problem.detail).toMatch(/Đồng hồ.*\/ The clock/);
    expect((await pull()).items).toEqual([]);
  });

  it('refuses the greatest clock, and takes one within the drift', async () => {
    expect((await push([mutation(9_999_999_999_999)])).status).toBe(400);
    expect((await push([mutation(NOW + DRIFT)])).status).toBe(200);
  });

  it('brings back, at start, clocks a push from before the bound left ahead, keeping what they wrote', async () => {
    // Stored straight through the port, as a server without the bound stored them.
    const poisoned = randomUUID();
    const fine = randomUUID();
    const top = '9999999999999-9999-zz';
    await env.storage.push('SNgV', {
      clientId: 'old',
      mutationIds: [],
      itemIds: [poisoned, fine],
      merge: () => ({
        items: [
          {
            id: poisoned,
            authorId: null,
            fields: { text: 'Độc', lead: 'Tham mưu' },
            clocks: { text: top, lead: formatHlc({ ms: NOW - 1000, counter: 0, node: 'pc' }) },
          },
          {
            id: fine,
            authorId: null,
            fields: { text: 'Lành' },
            clocks: { text: formatHlc({ ms: NOW, counter: 0, node: 'pc' }) },
          },
        ],
        mutationIds: [],
      }),
    });
    const healed = await healFutureClocks(env.storage, { now: () => NOW, maxClockDriftMs: DRIFT });
    expect(healed).toEqual([{ unitId: 'SNgV', items: 1 }]);
    const items = new Map((await pull()).items.map((item) => [item.id, item]));
    expect(items.get(poisoned)?.fields.text).toBe('Độc');
    expect(
      Object.values(items.get(poisoned)?.clocks ?? {}).every(
        (clock) => clock <= formatHlc({ ms: NOW, counter: 0, node: 'zz' }),
      ),
    ).toBe(true);
    // Once healed, nothing is left to heal, and an edit made now wins.
    expect(await healFutureClocks(env.storage, { now: () => NOW, maxClockDriftMs: DRIFT })).toEqual([]);
    expect((await push([mutation(NOW + 1, { text: 'Sửa' }, poisoned)])).status).toBe(200);
    expect(new Map((await pull()).items.map((item) => [item.id, item])).get(poisoned)?.fields.text).toBe('Sửa');
  });
});
