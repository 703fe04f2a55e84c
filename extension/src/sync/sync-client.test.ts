import {
  type ItemClocks,
  type ItemFieldsPatch,
  MAX_PULL_LIMIT,
  type Mutation,
  mergeFields,
  mutationAsVersioned,
  packClocks,
  pullQuerySchema,
  pushRequestSchema,
} from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OfficerError } from '../officer-error';
import { type GomDb, openGomDb, readMeta } from '../store/db';
import { writeItem } from '../store/write-item';
import type { Fetch } from './server-api';
import { applyPulledPage, createSyncScheduler, PUSH_BATCH_SIZE, syncNow, syncWithSettings } from './sync-client';

/**
 * The two sync endpoints in memory, enough to exercise the client's side of the protocol. The
 * real server is tested end to end elsewhere; this one must only keep the protocol's promises.
 */
function fakeServer({ token = 'gom_test', pageLimit }: { token?: string; pageLimit?: number } = {}) {
  interface Stored {
    id: string;
    rev: number;
    authorId: string;
    fields: ItemFieldsPatch;
    clocks: ItemClocks;
  }
  const items = new Map<string, Stored>();
  const applied = new Set<string>();
  let rev = 0;
  const state = {
    pushes: [] as Mutation[][],
    pulls: [] as string[],
    /** Mutation ids the server leaves out of its acknowledgement (as after a crash mid-reply). */
    withhold: new Set<string>(),
    /** The next answers, whatever the request. */
    failures: [] as Array<() => Response>,
  };

  function apply(mutation: Mutation, authorId: string): void {
    if (applied.has(mutation.mutationId)) return;
    applied.add(mutation.mutationId);
    const held = items.get(mutation.itemId);
    const merged = mergeFields(held, mutationAsVersioned(mutation));
    if (merged.changed.length === 0) return;
    rev += 1;
    items.set(mutation.itemId, { id: mutation.itemId, rev, authorId: held?.authorId ?? authorId, ...merged });
  }

  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  const fetch: Fetch = async (input, init) => {
    const failure = state.failures.shift();
    if (failure) return failure();
    const url = new URL(String(input));
    if (url.pathname === '/v1/health') return json({ status: 'ok' });
    const headers = new Headers(init?.headers);
    if (headers.get('authorization') !== `Bearer ${token}`) {
      return new Response(
        JSON.stringify({
          type: 'about:blank',
          title: 'Chưa xác thực',
          status: 401,
          detail: 'Mã đã bị thu hồi / Token revoked.',
        }),
        { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    if (url.pathname === '/v1/sync/push' && init?.method === 'POST') {
      const body = pushRequestSchema.parse(JSON.parse(String(init.body)));
      state.pushes.push(body.mutations);
      for (const mutation of body.mutations) apply(mutation, body.clientId);
      const ids = body.mutations.map((m) => m.mutationId).filter((id) => !state.withhold.has(id));
      return json({ applied: ids, cursor: rev, authorId: body.clientId });
    }
    if (url.pathname === '/v1/sync/pull') {
      state.pulls.push(url.search);
      const { since, limit } = pullQuerySchema.parse(Object.fromEntries(url.searchParams));
      const newer = [...items.values()].filter((item) => item.rev > since).sort((a, b) => a.rev - b.rev);
      const page = newer.slice(0, Math.min(limit, pageLimit ?? limit));
      // Clocks go packed, the one form a pull sends them in.
      const sent = page.map((item) => ({ ...item, clocks: packClocks(item.fields, item.clocks) }));
      return json({ items: sent, cursor: page.at(-1)?.rev ?? since, hasMore: newer.length > page.length });
    }
    return json({ type: 'about:blank', title: 'Không tìm thấy', status: 404, detail: 'No such endpoint.' }, 404);
  };

  /** A write made by another officer's browser, already on the server. */
  function otherClientWrites(itemId: string, set: ItemFieldsPatch, ms: number, node = 'otherpc'): void {
    apply({ mutationId: crypto.randomUUID().replaceAll('-', ''), itemId, hlc: `${ms}-0000-${node}`, set }, node);
  }

  return { fetch, state, items, otherClientWrites };
}

const serverUrl = 'https://gom.example';
const token = 'gom_test';
let db: GomDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = openGomDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('syncNow: push', () => {
  it('pushes the outbox and deletes exactly the acknowledged rows', async () => {
    const server = fakeServer();
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    await writeItem(db, a, { text: 'Mục A' });
    await writeItem(db, b, { text: 'Mục B' });
    const [, rowB] = await db.outbox.orderBy('seq').toArray();
    server.state.withhold.add(rowB?.mutationId ?? '');

    const result = await syncNow({ db, serverUrl, token, fetch: server.fetch });

    expect(result.pushed).toBe(1);
    expect(server.state.pushes).toHaveLength(1);
    expect(server.state.pushes[0]?.map((m) => m.itemId)).toEqual([a, b]);
    // Unacknowledged: kept, and sent again by the next sync (the server ignores a repeat).
    expect((await db.outbox.toArray()).map((row) => row.mutationId)).toEqual([rowB?.mutationId]);
    server.state.withhold.clear();
    expect((await syncNow({ db, serverUrl, token, fetch: server.fetch })).pushed).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(server.items.get(b)?.fields.text).toBe('Mục B');
  });

  it('pushes a write an older version queued with characters the server refuses, without them', async () => {
    const server = fakeServer();
    const id = crypto.randomUUID();
    await db.outbox.add({
      mutationId: 'queuedbyanolderversion',
      itemId: id,
      hlc: '1700000000000-0000-old',
      set: { text: 'Tiếp đoàn\uFFFE Lào\uFFFF', occurredOn: '2026-12-07' },
    });
    expect((await syncNow({ db, serverUrl, token, fetch: server.fetch })).pushed).toBe(1);
    expect(server.items.get(id)?.fields.text).toBe('Tiếp đoàn Lào');
    expect(await db.outbox.count()).toBe(0);
  });

  it(`sends at most ${PUSH_BATCH_SIZE} mutations a request, oldest first`, async () => {
    const server = fakeServer();
    const id = crypto.randomUUID();
    await db.transaction('rw', [db.items, db.outbox, db.meta], async () => {
      for (let i = 0; i < 450; i += 1) await writeItem(db, id, { text: `lần ${i}` });
    });
    const result = await syncNow({ db, serverUrl, token, fetch: server.fetch });
    expect(server.state.pushes.map((batch) => batch.length)).toEqual([200, 200, 50]);
    expect(result.pushed).toBe(450);
    expect(server.items.get(id)?.fields.text).toBe('lần 449');
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('syncNow: pull', () => {
  it("brings in other officers' items and saves the cursor", async () => {
    const server = fakeServer();
    const id = crypto.randomUUID();
    server.otherClientWrites(id, { text: 'Của đồng nghiệp', occurredOn: '2026-11-02' }, 1_700_000_000_000);
    const result = await syncNow({ db, serverUrl, token, fetch: server.fetch });
    expect(result).toEqual({ pushed: 0, pulled: 1 });
    expect(await db.items.get(id)).toEqual({
      id,
      authorId: 'otherpc',
      fields: { text: 'Của đồng nghiệp', occurredOn: '2026-11-02' },
      clocks: { text: '1700000000000-0000-otherpc', occurredOn: '1700000000000-0000-otherpc' },
    });
    expect(await readMeta(db, 'cursor')).toBe(1);
    expect(server.state.pulls).toEqual([`?since=0&limit=${MAX_PULL_LIMIT}`]);
    // Nothing new: one empty page from the saved cursor.
    expect(await syncNow({ db, serverUrl, token, fetch: server.fetch })).toEqual({ pushed: 0, pulled: 0 });
    expect(server.state.pulls.at(-1)).toBe(`?since=1&limit=${MAX_PULL_LIMIT}`);
  });

  it('follows hasMore page by page', async () => {
    const server = fakeServer({ pageLimit: 2 });
    for (let i = 0; i < 5; i += 1)
      server.otherClientWrites(crypto.randomUUID(), { text: `mục ${i}` }, 1_700_000_000_000 + i);
    const result = await syncNow({ db, serverUrl, token, fetch: server.fetch });
    expect(result.pulled).toBe(5);
    expect(server.state.pulls).toEqual([0, 2, 4].map((since) => `?since=${since}&limit=${MAX_PULL_LIMIT}`));
    expect(await db.items.count()).toBe(5);
    expect(await readMeta(db, 'cursor')).toBe(5);
  });

  it('asks for the next page while it writes the current one', async () => {
    const server = fakeServer({ pageLimit: 2 });
    for (let i = 0; i < 4; i += 1)
      server.otherClientWrites(crypto.randomUUID(), { text: `mục ${i}` }, 1_700_000_000_000 + i);
    const pullsAsked: number[] = [];
    db.items.hook('creating', () => {
      pullsAsked.push(server.state.pulls.length);
    });
    await syncNow({ db, serverUrl, token, fetch: server.fetch });
    // The first page's two items were written after the second page had been asked for.
    expect(pullsAsked.slice(0, 2)).toEqual([2, 2]);
    expect(await db.items.count()).toBe(4);
  });

  it('keeps the pages written before one that fails to arrive, with their cursor', async () => {
    const server = fakeServer({ pageLimit: 2 });
    for (let i = 0; i < 4; i += 1)
      server.otherClientWrites(crypto.randomUUID(), { text: `mục ${i}` }, 1_700_000_000_000 + i);
    const fetch: Fetch = (input, init) =>
      String(input).includes('since=2') ? Promise.reject(new TypeError('fetch failed')) : server.fetch(input, init);
    await expect(syncNow({ db, serverUrl, token, fetch })).rejects.toThrow(OfficerError);
    expect(await db.items.count()).toBe(2);
    expect(await readMeta(db, 'cursor')).toBe(2);
    expect(await syncNow({ db, serverUrl, token, fetch: server.fetch })).toEqual({ pushed: 0, pulled: 2 });
  });

  it('keeps a pending local edit when an older write of the same field is pulled', async () => {
    const id = crypto.randomUUID();
    await writeItem(db, id, { text: 'Bản của tôi, sửa sau', lead: null }, 1_700_000_005_000);
    await applyPulledPage(
      db,
      [
        {
          id,
          rev: 7,
          authorId: 'otherpc',
          fields: { text: 'Bản cũ', lead: 'Tham mưu UBND tỉnh', kind: 'plan' },
          clocks: {
            text: '1700000001000-0000-otherpc',
            lead: '1700000009000-0000-otherpc',
            kind: '1700000001000-0000-otherpc',
          },
        },
      ],
      7,
    );
    const record = await db.items.get(id);
    expect(record?.fields).toEqual({ text: 'Bản của tôi, sửa sau', lead: 'Tham mưu UBND tỉnh', kind: 'plan' });
    expect(await db.outbox.count()).toBe(1);
    expect(await readMeta(db, 'cursor')).toBe(7);
    // The next local edit is stamped after every clock seen, even with a wall clock running late.
    const next = await writeItem(db, id, { lead: 'Góp ý' }, 1_700_000_000_000);
    expect(next.fields.lead).toBe('Góp ý');
    expect(next.clocks.lead! > '1700000009000-0000-otherpc').toBe(true);
  });

  it('reads the ids it holds once for a large page: the items it holds are merged, the others added, all listed', async () => {
    const server = fakeServer();
    const held = crypto.randomUUID();
    server.otherClientWrites(
      held,
      { text: 'Bản trên máy chủ', tags: ['cũ'], occurredOn: '2026-11-02' },
      1_700_000_000_000,
    );
    for (let i = 0; i < 150; i += 1)
      server.otherClientWrites(
        crypto.randomUUID(),
        { text: `mục ${i}`, occurredOn: '2026-11-03' },
        1_700_000_000_001 + i,
      );
    await writeItem(db, held, { text: 'Bản mới của tôi' }, 1_700_000_500_000);
    expect(await syncNow({ db, serverUrl, token, fetch: server.fetch })).toEqual({ pushed: 1, pulled: 151 });
    expect((await db.items.get(held))?.fields).toEqual({
      text: 'Bản mới của tôi',
      tags: ['cũ'],
      occurredOn: '2026-11-02',
    });
    expect(await db.items.count()).toBe(151);
    const listed = (await db.listingChunks.toArray()).flatMap((chunk) => chunk.rows);
    expect(listed).toHaveLength(151);
    expect(listed.find((row) => row.id === held)?.text).toBe('Bản mới của tôi');
  });

  it('ends with the newer write everywhere when both sides edited', async () => {
    const server = fakeServer();
    const id = crypto.randomUUID();
    server.otherClientWrites(id, { text: 'Bản trên máy chủ', tags: ['cũ'] }, 1_700_000_000_000);
    await writeItem(db, id, { text: 'Bản mới của tôi' }, 1_700_000_500_000);
    await syncNow({ db, serverUrl, token, fetch: server.fetch });
    expect((await db.items.get(id))?.fields).toEqual({ text: 'Bản mới của tôi', tags: ['cũ'] });
    expect(server.items.get(id)?.fields).toEqual({ text: 'Bản mới của tôi', tags: ['cũ'] });
    expect(await db.outbox.count()).toBe(0);
  });

  it('writes nothing when it pulls back the clips it pushed, once a push has named their author', async () => {
    const server = fakeServer();
    const first = crypto.randomUUID();
    await writeItem(db, first, { text: 'Trước lần đồng bộ đầu' });
    await syncNow({ db, serverUrl, token, fetch: server.fetch });
    const author = await readMeta(db, 'clientId');
    expect(await readMeta(db, 'author')).toBe(author);
    expect((await db.items.get(first))?.authorId).toBe(author);

    const later = [crypto.randomUUID(), crypto.randomUUID()];
    for (const id of later) await writeItem(db, id, { text: `Sau: ${id}` });
    expect((await db.items.get(later[0]!))?.authorId).toBe(author);
    let rewritten = 0;
    db.items.hook('updating', () => {
      rewritten += 1;
    });
    expect(await syncNow({ db, serverUrl, token, fetch: server.fetch })).toEqual({ pushed: 2, pulled: 2 });
    expect(rewritten).toBe(0);
    for (const id of later) {
      const { authorId, fields, clocks } = server.items.get(id)!;
      expect(await db.items.get(id)).toEqual({ id, authorId, fields, clocks });
    }
  });

  it("keeps the author of an item it holds when it edits it: a colleague's stays hers", async () => {
    const server = fakeServer();
    const theirs = crypto.randomUUID();
    server.otherClientWrites(theirs, { text: 'Của đồng nghiệp' }, 1_700_000_000_000);
    await writeItem(db, crypto.randomUUID(), { text: 'Của tôi' });
    await syncNow({ db, serverUrl, token, fetch: server.fetch });
    await writeItem(db, theirs, { tags: ['đã xem'] });
    expect((await db.items.get(theirs))?.authorId).toBe('otherpc');
    await syncNow({ db, serverUrl, token, fetch: server.fetch });
    expect(server.items.get(theirs)?.authorId).toBe('otherpc');
  });
});

describe('syncNow: failures', () => {
  it("surfaces a refused token in lastError, in the officer's words and the server's, and keeps the outbox", async () => {
    const server = fakeServer({ token: 'gom_other' });
    await writeItem(db, crypto.randomUUID(), { text: 'Chưa gửi' });
    const sync = syncNow({ db, serverUrl, token, fetch: server.fetch });
    await expect(sync).rejects.toBeInstanceOf(OfficerError);
    await expect(sync).rejects.toMatchObject({ reason: 'unauthorized', status: 401 });
    const lastError = await readMeta(db, 'lastError');
    expect(lastError).toMatch(/^Mã truy cập không đúng/);
    expect(lastError).toContain('Token revoked');
    expect(await db.outbox.count()).toBe(1);
    expect(await readMeta(db, 'lastSync')).toBeUndefined();
  });

  it.each([
    ['a server error', () => new Response('oops', { status: 503 }), /^Máy chủ Gom đang gặp sự cố/],
    [
      'a refused batch',
      () =>
        new Response(JSON.stringify({ type: 'about:blank', title: 'x', status: 400, detail: 'mutations.0.set: bad' }), {
          status: 400,
          headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
        }),
      /^Máy chủ Gom từ chối dữ liệu gửi lên\. \(mutations\.0\.set: bad\)$/,
    ],
    [
      'a foreign answer',
      () => new Response('{"hello":"world"}', { status: 200 }),
      /^Máy chủ trả lời không đúng định dạng/,
    ],
    [
      'no network',
      () => {
        throw new TypeError('Failed to fetch');
      },
      /^Không kết nối được tới máy chủ Gom/,
    ],
  ])('records %s in lastError; the next success clears it', async (_, answer, message) => {
    const server = fakeServer();
    await writeItem(db, crypto.randomUUID(), { text: 'Chưa gửi' });
    server.state.failures.push(answer);
    await expect(syncNow({ db, serverUrl, token, fetch: server.fetch })).rejects.toThrow(message);
    expect(await readMeta(db, 'lastError')).toMatch(message);
    expect(await db.outbox.count()).toBe(1);

    await syncNow({ db, serverUrl, token, fetch: server.fetch });
    expect(await readMeta(db, 'lastError')).toBeNull();
    expect(await readMeta(db, 'lastSync')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await db.outbox.count()).toBe(0);
  });

  it('asks for the settings when no server is set', async () => {
    const unset = async () => ({ serverUrl: null, token: null });
    await expect(syncWithSettings(db, fakeServer().fetch, unset)).rejects.toMatchObject({ reason: 'notConfigured' });
    expect(await readMeta(db, 'lastError')).toMatch(/Cài đặt/);
  });

  it('syncs with the server and token from the settings', async () => {
    const server = fakeServer();
    await writeItem(db, crypto.randomUUID(), { text: 'Gửi đi' });
    expect(await syncWithSettings(db, server.fetch, async () => ({ serverUrl, token }))).toEqual({
      pushed: 1,
      pulled: 1,
    });
  });
});

describe('createSyncScheduler', () => {
  function deferredRuns() {
    const runs: Array<{ resolve: (value: number) => void; reject: (error: Error) => void }> = [];
    const run = () =>
      new Promise<number>((resolve, reject) => {
        runs.push({ resolve: (value) => resolve(value), reject });
      });
    return { runs, run };
  }

  it('runs one sync at a time and answers calls made meanwhile with one more run', async () => {
    const { runs, run } = deferredRuns();
    const requestSync = createSyncScheduler(run);
    const first = requestSync();
    const second = requestSync();
    const third = requestSync();
    expect(runs).toHaveLength(1);
    expect(third).toBe(second);
    runs[0]?.resolve(1);
    expect(await first).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toHaveLength(2);
    runs[1]?.resolve(2);
    expect(await second).toBe(2);
    // Idle again: the next call starts at once.
    const fourth = requestSync();
    expect(runs).toHaveLength(3);
    runs[2]?.resolve(3);
    expect(await fourth).toBe(3);
  });

  /** A clock and timers the test moves by hand. */
  function manualTime() {
    let t = 1_000_000;
    const timers = new Map<number, { at: number; run: () => void }>();
    let nextId = 1;
    return {
      now: () => t,
      setTimer: (run: () => void, ms: number) => {
        const id = nextId++;
        timers.set(id, { at: t + ms, run });
        return id;
      },
      clearTimer: (id: unknown) => {
        timers.delete(id as number);
      },
      /** Moves the clock and fires what fell due. */
      advance(ms: number) {
        t += ms;
        for (const [id, timer] of [...timers]) {
          if (timer.at <= t) {
            timers.delete(id);
            timer.run();
          }
        }
      },
      pending: () => timers.size,
    };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('runs the follow-up of a failed sync only after the backoff', async () => {
    const { runs, run } = deferredRuns();
    const time = manualTime();
    const requestSync = createSyncScheduler(run, { ...time, random: () => 0, baseDelayMs: 1000 });
    const first = requestSync();
    const second = requestSync();
    runs[0]?.reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    await settle();
    expect(runs).toHaveLength(1);
    time.advance(499);
    expect(runs).toHaveLength(1);
    time.advance(1);
    expect(runs).toHaveLength(2);
    runs[1]?.resolve(5);
    expect(await second).toBe(5);
  });

  it('retries a transient failure on its own, doubling the wait with jitter, and resets after a success', async () => {
    const { runs, run } = deferredRuns();
    const time = manualTime();
    const requestSync = createSyncScheduler(run, { ...time, random: () => 1, baseDelayMs: 1000, maxDelayMs: 4000 });
    const offline = () => new OfficerError('network');
    void requestSync().catch(() => {});
    const waits: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      runs[attempt]?.reject(offline());
      await settle();
      let waited = 0;
      while (runs.length === attempt + 1) {
        time.advance(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    runs[4]?.resolve(1);
    await settle();
    expect(time.pending()).toBe(0);
    void requestSync();
    expect(runs).toHaveLength(6);
  });

  it("does not retry a refused token on its own, and honours the server's Retry-After", async () => {
    const { runs, run } = deferredRuns();
    const time = manualTime();
    const requestSync = createSyncScheduler(run, { ...time, random: () => 0, baseDelayMs: 1000 });
    const refused = requestSync();
    runs[0]?.reject(new OfficerError('unauthorized', null, { status: 401 }));
    await expect(refused).rejects.toMatchObject({ reason: 'unauthorized' });
    time.advance(60_000);
    expect(runs).toHaveLength(1);

    void requestSync({ immediate: true }).catch(() => {});
    expect(runs).toHaveLength(2);
    runs[1]?.reject(new OfficerError('rateLimited', null, { status: 429, retryAfterMs: 30_000 }));
    await settle();
    // Even the officer's own request waits for the server's Retry-After.
    void requestSync({ immediate: true }).catch(() => {});
    time.advance(29_999);
    expect(runs).toHaveLength(2);
    time.advance(1);
    expect(runs).toHaveLength(3);
  });

  it('lets the officer skip the backoff of a failed sync', async () => {
    const { runs, run } = deferredRuns();
    const time = manualTime();
    const requestSync = createSyncScheduler(run, { ...time, random: () => 0, baseDelayMs: 10_000 });
    void requestSync().catch(() => {});
    runs[0]?.reject(new OfficerError('network'));
    await settle();
    const auto = requestSync();
    expect(runs).toHaveLength(1);
    const asked = requestSync({ immediate: true });
    expect(asked).toBe(auto);
    expect(runs).toHaveLength(2);
    runs[1]?.resolve(7);
    expect(await asked).toBe(7);
  });
});
