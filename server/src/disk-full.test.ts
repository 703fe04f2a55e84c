import { randomUUID } from 'node:crypto';
import { defaultTaxonomy } from '@gom/shared';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { diskFullWatch, isDiskFull } from './disk-full';
import { setUpServer } from './test-support';

// The connections the SQLite adapter opens, so that the test can lower the page limit of the
// server's own connection: `max_page_count` holds for the connection that sets it, no other.
const opened = vi.hoisted(() => [] as Database.Database[]);
vi.mock('better-sqlite3', async (importOriginal) => {
  const { default: Original } = await importOriginal<{ default: typeof Database }>();
  class Recorded extends Original {
    constructor(...args: ConstructorParameters<typeof Database>) {
      super(...args);
      opened.push(this);
    }
  }
  return { default: Recorded };
});

describe('isDiskFull', () => {
  const withCode = (code: string) => Object.assign(new Error(`failed: ${code}`), { code });

  it("recognises a full disk as each engine reports it, and as a driver's cause", () => {
    expect(isDiskFull(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'))).toBe(true);
    expect(isDiskFull(withCode('ENOSPC'))).toBe(true);
    expect(
      isDiskFull(Object.assign(new pg.DatabaseError('could not extend file', 0, 'error'), { code: '53100' })),
    ).toBe(true);
    expect(isDiskFull(new Error('push failed', { cause: withCode('SQLITE_FULL') }))).toBe(true);
  });

  it('takes nothing else for one', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_IOERR_WRITE', '53200', '23505', 'ECONNREFUSED']) {
      expect(isDiskFull(withCode(code))).toBe(false);
    }
    expect(isDiskFull(new Error('database or disk is full'))).toBe(false);
    expect(isDiskFull('SQLITE_FULL')).toBe(false);
    expect(isDiskFull(null)).toBe(false);
    const looped: Error & { cause?: unknown } = new Error('loop');
    looped.cause = looped;
    expect(isDiskFull(looped)).toBe(false);
  });
});

describe('diskFullWatch', () => {
  it('reports a full disk from a refused write until a write succeeds, or until it lapses', () => {
    let t = 0;
    const disk = diskFullWatch({ now: () => t, holdMs: 1000 });
    expect(disk.full).toBe(false);
    disk.refused();
    expect(disk.full).toBe(true);
    disk.wrote();
    expect(disk.full).toBe(false);
    disk.refused();
    t = 999;
    expect(disk.full).toBe(true);
    t = 1000;
    expect(disk.full).toBe(false);
  });
});

describe('a full disk, for real on SQLite', () => {
  it('answers 503 with Retry-After, stores nothing of the refused push, reports it on /v1/health, then recovers', async () => {
    const env = await setUpServer();
    try {
      const connection = opened.at(-1)!;
      const token = await env.tokenFor();
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const batch = () =>
        Array.from({ length: 5 }, (_, i) => ({
          mutationId: `full${randomUUID().replaceAll('-', '')}`,
          itemId: randomUUID(),
          hlc: '1700000000000-0000-clientA',
          set: { text: `Báo cáo ${i} ${'đ'.repeat(1500)}` },
        }));
      const push = (mutations: ReturnType<typeof batch>) =>
        env.app.request('/v1/sync/push', {
          method: 'POST',
          headers,
          body: JSON.stringify({ clientId: 'clientA', mutations }),
        });
      const health = () => env.app.request('/v1/health');
      const unitRev = async () => (await env.storage.exportUnit(defaultTaxonomy.unit.id))!.unit.rev;

      const pages = connection.pragma('page_count', { simple: true }) as number;
      connection.pragma(`max_page_count = ${pages + 20}`);
      let refused: { res: Response; mutations: ReturnType<typeof batch>; revBefore: number } | undefined;
      let accepted = 0;
      for (let i = 0; i < 50 && !refused; i += 1) {
        const mutations = batch();
        const revBefore = await unitRev();
        const res = await push(mutations);
        if (res.status === 200) accepted += 1;
        else refused = { res, mutations, revBefore };
      }
      expect(refused, 'the database never filled up').toBeDefined();
      expect(accepted).toBeGreaterThan(0);
      const { res, mutations, revBefore } = refused!;
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('60');
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({
        status: 503,
        title: 'Máy chủ tạm ngừng / Service unavailable',
        detail: expect.stringMatching(/đĩa.*đầy.*disk is full/),
      });
      expect(await unitRev()).toBe(revBefore);
      const stored = (await env.storage.exportUnit(defaultTaxonomy.unit.id))!;
      const refusedIds = new Set<string>(mutations.map((m) => m.itemId));
      expect(stored.items.filter((item) => refusedIds.has(item.id))).toEqual([]);

      const unhealthy = await health();
      expect(unhealthy.status).toBe(503);
      expect(unhealthy.headers.get('retry-after')).toBe('60');
      expect(await unhealthy.json()).toEqual({ status: 'unavailable', reason: 'disk-full' });
      // Reads still work meanwhile.
      expect((await env.app.request('/v1/sync/pull', { headers })).status).toBe(200);
      expect((await health()).status).toBe(503);

      connection.pragma('max_page_count = 1000000');
      const retried = await push(mutations);
      expect(retried.status).toBe(200);
      expect((await retried.json()).applied).toEqual(mutations.map((m) => m.mutationId));
      const healthy = await health();
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toEqual({ status: 'ok' });
    } finally {
      await env.dispose();
    }
  });
});
