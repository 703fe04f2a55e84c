import { randomUUID } from 'node:crypto';
import { type Mutation, pullResponseSchema, SHARED_CLOCK } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpServer, testAdapters } from '../test-support';

let env: Awaited<ReturnType<typeof setUpServer>>;
let token: string;

const auth = (t: string) => ({ Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' });
let counter = 0;
function mutation(itemId: string, set: Mutation['set'], ms = 1700000000000): Mutation {
  counter += 1;
  return { mutationId: `mut${String(counter).padStart(8, '0')}`, itemId, hlc: `${ms}-0000-clientA`, set };
}
async function push(mutations: unknown, t = token, clientId = 'clientA') {
  return env.app.request('/v1/sync/push', {
    method: 'POST',
    headers: auth(t),
    body: JSON.stringify({ clientId, mutations }),
  });
}
async function pullAll(t = token, since = 0, limit = 500) {
  const res = await env.app.request(`/v1/sync/pull?since=${since}&limit=${limit}`, { headers: auth(t) });
  return {
    status: res.status,
    body: (await res.json()) as {
      items: Array<{ id: string; rev: number; fields: Record<string, unknown>; clocks: Record<string, string> }>;
      cursor: number;
      hasMore: boolean;
    },
  };
}

describe.each(testAdapters)('on $name', (adapter) => {
  beforeEach(async () => {
    env = await setUpServer(adapter);
    token = await env.tokenFor();
  });
  afterEach(() => env.dispose());

  describe('POST /v1/sync/push and GET /v1/sync/pull', () => {
    it('stores a clip and hands it back with its revision and clocks', async () => {
      const id = randomUUID();
      const m = mutation(id, { text: 'Góp ý dự thảo Kế hoạch', kind: 'result', occurredOn: '2021-03-03' });
      const res = await push([m]);
      expect(res.status).toBe(200);
      const answer = await res.json();
      expect(answer).toEqual({
        applied: [m.mutationId],
        cursor: 1,
        authorId: expect.any(String),
        unitId: 'SNgV',
        epoch: expect.any(String),
      });

      // The author the answer named is the one the new item was given.
      const { body } = await pullAll();
      expect(body).toEqual({
        items: [
          {
            id,
            rev: 1,
            authorId: answer.authorId,
            fields: { text: 'Góp ý dự thảo Kế hoạch', kind: 'result', occurredOn: '2021-03-03' },
            clocks: { [SHARED_CLOCK]: m.hlc },
          },
        ],
        cursor: 1,
        hasMore: false,
        unitId: 'SNgV',
        epoch: expect.stringMatching(/^[0-9a-f-]{32,36}$/),
      });
    });

    it('changes nothing when a batch is replayed with the same mutation ids', async () => {
      const id = randomUUID();
      const batch = [mutation(id, { text: 'Bản gốc' }), mutation(id, { lead: 'Tham mưu UBND tỉnh' }, 1700000000001)];
      await push(batch);
      const before = await pullAll();
      // A newer write between the two deliveries: the replay must not undo it.
      await push([mutation(id, { text: 'Đã sửa' }, 1700000000002)]);
      const cursorBeforeReplay = (await pullAll()).body.cursor;
      const replay = await push(batch);
      expect(await replay.json()).toEqual({
        applied: batch.map((m) => m.mutationId),
        cursor: cursorBeforeReplay,
        authorId: expect.any(String),
        unitId: 'SNgV',
        epoch: expect.any(String),
      });
      const after = await pullAll();
      expect(after.body.cursor).toBe(cursorBeforeReplay);
      expect(after.body.items[0]?.fields).toEqual({ ...before.body.items[0]?.fields, text: 'Đã sửa' });
    });

    it('keeps the later write of each field, whatever order they arrive in', async () => {
      const id = randomUUID();
      await push([mutation(id, { text: 'mới', lead: 'cũ' }, 1700000000005)]);
      await push([mutation(id, { text: 'cũ hơn', lead: 'mới hơn' }, 1700000000003)], token, 'clientB');
      const { body } = await pullAll();
      expect(body.items[0]?.fields).toEqual({ text: 'mới', lead: 'cũ' });
      await push([mutation(id, { lead: 'mới nhất' }, 1700000000009)]);
      expect((await pullAll()).body.items[0]?.fields).toEqual({ text: 'mới', lead: 'mới nhất' });
    });

    it('sends clocks packed, whatever the request accepts, and a client unpacks them', async () => {
      const id = randomUUID();
      const clip = mutation(id, { text: 'Góp ý dự thảo', kind: 'result', occurredOn: '2021-03-03', lead: null });
      const edit = mutation(id, { lead: 'Tham mưu UBND tỉnh' }, 1700000000005);
      await push([clip, edit]);
      const path = '/v1/sync/pull?since=0&limit=10';
      for (const accept of ['application/json; clocks=packed', 'application/json', '*/*']) {
        const res = await env.app.request(path, { headers: { ...auth(token), Accept: accept } });
        expect(res.headers.get('vary') ?? '').not.toContain('Accept');
        const body = (await res.json()) as { items: Array<{ clocks: unknown }> };
        expect(body.items.map((i) => i.clocks)).toEqual([{ [SHARED_CLOCK]: clip.hlc, lead: edit.hlc }]);
        expect(pullResponseSchema.parse(body).items.map((i) => i.clocks)).toEqual([
          { text: clip.hlc, kind: clip.hlc, occurredOn: clip.hlc, lead: edit.hlc },
        ]);
      }
    });

    it('pages from a cursor', async () => {
      const ids = Array.from({ length: 5 }, () => randomUUID());
      await push(ids.map((id, i) => mutation(id, { text: `mục ${i}` })));
      const first = await pullAll(token, 0, 2);
      expect(first.body).toMatchObject({ cursor: 2, hasMore: true });
      const second = await pullAll(token, first.body.cursor, 2);
      const third = await pullAll(token, second.body.cursor, 2);
      expect(third.body).toMatchObject({ cursor: 5, hasMore: false });
      expect([...first.body.items, ...second.body.items, ...third.body.items].map((i) => i.id)).toEqual(ids);
    });

    async function expectRejected(body: string) {
      const res = await env.app.request('/v1/sync/push', { method: 'POST', headers: auth(token), body });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { status: number; title: string; detail: string };
      expect(problem.status).toBe(400);
      expect(problem.title).toMatch(/không hợp lệ/);
      expect(JSON.stringify(problem)).not.toMatch(/\.ts:\d+/);
      expect((await pullAll()).body.items).toEqual([]);
    }

    it('rejects a body that is not JSON: 400 problem details, nothing stored', async () => {
      await expectRejected('{"clientId": "clientA", "mutations": [');
    });

    it('rejects an empty batch', async () => {
      await expectRejected(JSON.stringify({ clientId: 'clientA', mutations: [] }));
    });

    it.each([
      ['an unknown field', { extra: 1 }],
      ['a field the server owns', { set: { unitId: 'other' } }],
      ['an empty write', { set: {} }],
      ['a bad clock', { hlc: 'yesterday' }],
      ['a bad item id', { itemId: '42' }],
      ['a wrong type', { set: { rank: 'first' } }],
      ['an impossible date', { set: { occurredOn: '2021-02-30' } }],
      ['a NUL character, which PostgreSQL cannot store', { set: { text: 'a\u0000b' } }],
    ])('rejects a whole batch when one mutation has %s: 400, nothing stored', async (_, flaw) => {
      const good = mutation(randomUUID(), { text: 'hợp lệ' });
      const bad = { ...mutation(randomUUID(), { text: 'x' }), ...flaw };
      await expectRejected(JSON.stringify({ clientId: 'clientA', mutations: [good, bad] }));
    });

    it('refuses requests without a valid token', async () => {
      const noToken = await env.app.request('/v1/sync/pull');
      expect(noToken.status).toBe(401);
      expect(noToken.headers.get('content-type')).toContain('application/problem+json');
      expect(await noToken.json()).toMatchObject({
        status: 401,
        detail: expect.stringMatching(/mã truy cập.*bearer token/i),
      });
      expect((await push([mutation(randomUUID(), { text: 'x' })], 'gom_wrong')).status).toBe(401);
    });

    it('keeps each unit to its own items, even under the same item id', async () => {
      await env.storage.addUnit({
        id: 'SNV',
        name: 'Sở Nội vụ',
        parentAgency: '',
        agency: 'SỞ NỘI VỤ',
        abbreviation: 'SNV',
        place: '',
      });
      const other = await env.tokenFor('SNV');
      const id = randomUUID();
      await push([mutation(id, { text: 'của Sở Ngoại vụ' })]);
      await push([mutation(id, { text: 'của Sở Nội vụ' }, 1700000000009)], other);
      expect((await pullAll()).body.items.map((i) => i.fields.text)).toEqual(['của Sở Ngoại vụ']);
      expect((await pullAll(other)).body.items.map((i) => i.fields.text)).toEqual(['của Sở Nội vụ']);
    });
  });
});

describe.each(testAdapters)('one mutation id twice in a batch, on $name', (adapter) => {
  beforeEach(async () => {
    env = await setUpServer(adapter);
    token = await env.tokenFor();
  });
  afterEach(() => env.dispose());

  it('refuses the batch whole when the two carry different writes: 400 naming the id, nothing stored', async () => {
    const first = mutation(randomUUID(), { text: 'Bản thứ nhất' });
    const other = mutation(randomUUID(), { text: 'hợp lệ' });
    const res = await push([first, other, { ...first, set: { text: 'Bản thứ hai' } }]);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { errors: Array<{ path: string; message: string }> };
    expect(problem.errors).toEqual([
      { path: 'mutations.2.mutationId', message: expect.stringContaining(first.mutationId) },
    ]);
    expect((await pullAll()).body).toMatchObject({ items: [], cursor: 0 });
    // The mutation id was not recorded: the client's real write of it still applies.
    expect((await push([first])).status).toBe(200);
    expect((await pullAll()).body.items.map((i) => i.fields.text)).toEqual(['Bản thứ nhất']);
  });

  it('applies once a mutation delivered twice in the same batch', async () => {
    const id = randomUUID();
    const m = mutation(id, { text: 'Một lần', tags: ['a'] });
    const res = await push([m, { ...m, set: { tags: ['a'], text: 'Một lần' } }]);
    expect(res.status).toBe(200);
    expect((await res.json()).applied).toEqual([m.mutationId, m.mutationId]);
    const { body } = await pullAll();
    expect(body.items).toEqual([expect.objectContaining({ id, rev: 1, fields: { text: 'Một lần', tags: ['a'] } })]);
  });
});
