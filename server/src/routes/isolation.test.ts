import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpServer, testAdapters } from '../test-support';

/** Every route a token can reach, each called the way a client of the other unit might try. */
describe.each(testAdapters)('units and tokens on $name', (adapter) => {
  let env: Awaited<ReturnType<typeof setUpServer>>;
  let ours: string;
  let theirs: string;
  const itemId = randomUUID();
  const secret = 'Bí mật của Sở Ngoại vụ';
  beforeEach(async () => {
    env = await setUpServer(adapter);
    ours = await env.tokenFor();
    await env.storage.addUnit({
      id: 'SNV',
      name: 'Sở Nội vụ',
      parentAgency: '',
      agency: 'SỞ NỘI VỤ',
      abbreviation: 'SNV',
      place: '',
    });
    theirs = await env.tokenFor('SNV', 'admin');
    expect((await push(ours, { text: secret, occurredOn: '2021-03-03' }, 'ours000001')).status).toBe(200);
  });
  afterEach(() => env.dispose());

  const headers = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
  const push = (token: string, set: Record<string, unknown>, mutationId: string, ms = 1700000000000) =>
    env.app.request('/v1/sync/push', {
      method: 'POST',
      headers: headers(token),
      body: JSON.stringify({ clientId: 'c1', mutations: [{ mutationId, itemId, hlc: `${ms}-0000-c1`, set }] }),
    });
  const pull = async (token: string) =>
    (await (await env.app.request('/v1/sync/pull?since=0', { headers: headers(token) })).json()) as {
      items: Array<{ id: string; authorId: string | null; fields: Record<string, unknown> }>;
      cursor: number;
      epoch: string;
    };

  it('pull: another unit sees none of our items, not even our revision count or epoch', async () => {
    const theirPage = await pull(theirs);
    expect(theirPage).toEqual({ items: [], cursor: 0, hasMore: false, unitId: 'SNV', epoch: expect.any(String) });
    expect(theirPage.epoch).not.toBe((await pull(ours)).epoch);
  });

  it("push: another unit writing our item's id changes nothing of ours", async () => {
    const res = await push(theirs, { text: 'ghi đè', deleted: true }, 'theirs0001', 1750000000000);
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer).toEqual({
      applied: ['theirs0001'],
      cursor: 1,
      authorId: expect.any(String),
      unitId: 'SNV',
      epoch: expect.any(String),
    });
    // The author it names is their officer, not ours.
    expect((await pull(ours)).items.map((i) => i.authorId)).not.toContain(answer.authorId);
    expect((await pull(ours)).items.map((i) => i.fields)).toEqual([{ text: secret, occurredOn: '2021-03-03' }]);
    // Their write became an item of their own; our mutation id is no secret handle either.
    expect((await pull(theirs)).items.map((i) => i.fields.text)).toEqual(['ghi đè']);
    const replay = await push(theirs, { text: 'lần hai' }, 'ours000001', 1760000000000);
    expect(await replay.json()).toEqual({
      applied: ['ours000001'],
      cursor: 2,
      authorId: answer.authorId,
      unitId: 'SNV',
      epoch: expect.any(String),
    });
    expect((await pull(ours)).items.map((i) => i.fields.text)).toEqual([secret]);
  });

  it('reports: the month report of another unit leaves our items out', async () => {
    const res = await env.app.request('/v1/reports/month/2021-03.docx', { headers: headers(theirs) });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    const ownReport = Buffer.from(
      await (await env.app.request('/v1/reports/month/2021-03.docx', { headers: headers(ours) })).arrayBuffer(),
    );
    expect(ownReport.length).toBeGreaterThan(0);
  });

  it('a revoked token is refused from the next request, on every route', async () => {
    const users = await env.storage.listUsers('SNgV');
    await env.storage.revokeUser(users[0]!.id);
    for (const res of [
      await env.app.request('/v1/sync/pull', { headers: headers(ours) }),
      await push(ours, { text: 'sau khi thu hồi' }, 'revoked001'),
      await env.app.request('/v1/reports/month/2021-03.docx', { headers: headers(ours) }),
    ]) {
      expect(res.status).toBe(401);
    }
    expect((await env.storage.pullItems('SNgV', 0, 10)).items.map((i) => i.fields.text)).toEqual([secret]);
  });
});
