import { randomUUID } from 'node:crypto';
import { defaultTaxonomy } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../storage/port';
import { setUpServer, testAdapters } from '../test-support';

let env: Awaited<ReturnType<typeof setUpServer>>;

/** `count` clips of the unit over 2025, stored as their first pushes would store them. */
async function seedYear(storage: Storage, unitId: string, count: number) {
  for (let from = 0; from < count; from += 1000) {
    const items = Array.from({ length: Math.min(count - from, 1000) }, (_, k) => {
      const i = from + k;
      const day = new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10);
      return {
        id: randomUUID(),
        authorId: null,
        fields: {
          kind: 'result' as const,
          text: `Góp ý dự thảo Kế hoạch số ${i}/KH-UBND về công tác đối ngoại của tỉnh.`,
          occurredOn: day,
          createdAt: `${day}T02:00:00.000Z`,
        },
        clocks: {},
      };
    });
    await storage.push(unitId, {
      clientId: 'seed',
      mutationIds: [],
      itemIds: [],
      merge: () => ({ items, mutationIds: [] }),
    });
  }
}

const get = (path: string, token?: string) =>
  env.app.request(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

describe.each(testAdapters)('reports under load, on $name', (adapter) => {
  beforeEach(async () => {
    env = await setUpServer(adapter);
  });
  afterEach(() => env.dispose());

  it('keeps answering /v1/health while a year of 2,000 items builds', async () => {
    await seedYear(env.storage, defaultTaxonomy.unit.id, 2000);
    const editor = await env.tokenFor(undefined, 'editor');
    const started = performance.now();
    let built = false;
    const report = Promise.resolve(get('/v1/reports/year/2025.docx', editor)).finally(() => {
      built = true;
    });
    // Each check's wait counts from when it was due, so that a thread too busy to even send it
    // is not hidden.
    const health: number[] = [];
    let due = performance.now();
    while (!built) {
      expect((await get('/v1/health')).status).toBe(200);
      health.push(performance.now() - due);
      due = performance.now() + 10;
      await new Promise((done) => setTimeout(done, 10));
    }
    const res = await report;
    const buildMs = performance.now() - started;
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    // Built on the server's thread, the report held the health check waiting for nearly all of
    // its build (1,485 ms of 1,533 ms, measured); on a worker the longest wait was 11 ms. Half the
    // build stays a clear line on a busy 2-core machine.
    expect(health.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...health)).toBeLessThan(buildMs / 2);
  }, 60_000);

  it('builds two reports of a unit at once and queues two, refuses a fifth with 429, and serves another unit', async () => {
    await seedYear(env.storage, defaultTaxonomy.unit.id, 500);
    await env.storage.addUnit({ ...defaultTaxonomy.unit, id: 'SNV', name: 'Sở Nội vụ', abbreviation: 'SNV' });
    const ours = await env.tokenFor(undefined, 'editor');
    const theirs = await env.tokenFor('SNV', 'editor');
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => get('/v1/reports/year/2025.txt', ours)),
      get('/v1/reports/year/2025.txt', theirs),
    ]);
    const statuses = answers.map((res) => res.status);
    expect(statuses.slice(0, 5).sort()).toEqual([200, 200, 200, 200, 429]);
    expect(statuses[5]).toBe(200);
    const refused = answers.find((res) => res.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/thử lại sau 5 giây \/ .*retry in 5 s/);
    const history = (await (await get('/v1/reports/history', ours)).json()) as { reports: unknown[] };
    expect(history.reports).toHaveLength(4);
  }, 60_000);
});
