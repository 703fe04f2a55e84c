import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, hashToken, newToken, openSqliteStorage } from '@gom/server';
import { defaultTaxonomy } from '@gom/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const RUNS = Number(process.env.GOM_FUZZ_RUNS ?? 5000);
const SEED =
  process.env.GOM_SEED === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(process.env.GOM_SEED);

const SQL = ["'; DROP TABLE items; --", '1 OR 1=1', "' UNION SELECT * FROM users --", 'SNV'];
const HTML = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '\u0000\uFFFF\uD800'];
const hostile = fc.oneof(fc.constantFrom(...SQL, ...HTML, '', ' ', 'x'.repeat(6000)), fc.string({ maxLength: 50 }));
// Sent as 5 MiB, shown as this marker: a failing case must stay readable.
const HUGE_MARK = '<5 MiB of x>';
const HUGE = 'x'.repeat(5 * 1024 * 1024);
// Lone surrogates cannot be percent-encoded: a client could not send them either.
const urlPart = (s: string) => encodeURIComponent(Buffer.from(s).toString());

const unitA = defaultTaxonomy.unit;
const unitB = { ...unitA, id: 'SNV', name: 'Sở Nội vụ' };
const secretB = 'BI-MAT-CUA-SO-NOI-VU';

function validMutation(itemId: string = randomUUID()) {
  return {
    mutationId: `fz${randomUUID().replaceAll('-', '')}`,
    itemId,
    hlc: '1700000000000-0000-fuzz',
    set: { text: 'hợp lệ', occurredOn: '2021-03-03' },
  };
}

/** One change that makes a push invalid: each must be refused whole. */
const spoil = fc.oneof(
  fc
    .record({ key: fc.constantFrom('extra', 'unitId', '__proto__', 'constructor'), value: fc.jsonValue() })
    .map(({ key, value }) => (m: Record<string, unknown>) => ({ ...m, [key]: value })),
  fc
    .record({ field: fc.constantFrom('mutationId', 'itemId', 'hlc'), value: fc.oneof(hostile, fc.jsonValue()) })
    .map(({ field, value }) => (m: Record<string, unknown>) => ({ ...m, [field]: value })),
  fc
    .record({
      field: fc.constantFrom('text', 'rank', 'occurredOn', 'deleted', 'tags', 'unitId', 'authorId', 'source', 'kind'),
      value: fc.oneof(
        hostile,
        fc.jsonValue(),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '2021-02-30', 'x'.repeat(5001)),
      ),
    })
    .map(({ field, value }) => (m: Record<string, unknown>) => ({ ...m, set: { [field]: value } })),
  fc.constant((m: Record<string, unknown>) => ({ ...m, set: {} })),
  fc
    .constantFrom('9999999999999-0000-x', '1700000000000-0000-', 'yesterday', '1700000000000-99999-node')
    .map((hlc) => (m: Record<string, unknown>) => ({ ...m, hlc })),
);

type Req = { token: 'A' | 'revoked' | 'none' | 'garbage'; method: string; path: string; body?: string; type?: string };

function requests(itemOfB: string) {
  const token = fc.constantFrom<Req['token']>('A', 'A', 'A', 'revoked', 'none', 'garbage');
  const badPush = fc.record({ token, good: fc.nat({ max: 3 }), spoil }).map(({ token, good, spoil }): Req => {
    const mutations = [...Array.from({ length: good }, () => validMutation()), spoil(validMutation())];
    return { token, method: 'POST', path: '/v1/sync/push', body: JSON.stringify({ clientId: 'fuzz', mutations }) };
  });
  const badBody = fc
    .record({
      token,
      body: fc.oneof(
        hostile,
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc.constantFrom('{"clientId":"fuzz","mutations":[', '{"clientId":"fuzz","mutations":[]}', HUGE_MARK),
        fc.constant(
          JSON.stringify({ clientId: 'fuzz', mutations: Array.from({ length: 1001 }, () => validMutation()) }),
        ),
        fc.constant(JSON.stringify({ clientId: "'; DROP TABLE units; --", mutations: [validMutation()] })),
      ),
      type: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
    })
    .map((r): Req => ({ ...r, method: 'POST', path: '/v1/sync/push' }));
  const pull = fc
    .record({
      token,
      since: fc.oneof(hostile, fc.integer().map(String)),
      limit: fc.oneof(hostile, fc.integer().map(String)),
    })
    .map(
      ({ token, since, limit }): Req => ({
        token,
        method: 'GET',
        path: `/v1/sync/pull?since=${urlPart(since)}&limit=${urlPart(limit)}`,
      }),
    );
  const otherRoutes = fc
    .record({
      token,
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      path: fc.oneof(
        fc.constantFrom(
          '/v1/reports/month/2021-03.docx',
          '/v1/reports/month/../../etc/passwd',
          `/v1/items/${itemOfB}`,
          `/v1/sync/pull/${itemOfB}`,
          '/v1/health',
          '/v1/sync/push',
        ),
        hostile.map((h) => `/v1/${urlPart(h)}`),
        hostile.map((h) => `/v1/reports/month/${urlPart(h)}.docx`),
      ),
    })
    .map((r): Req => r);
  // Well-formed, but aimed at the other unit's item: it may create an item of A's own, never touch B's.
  const aimedAtB = token.map(
    (token): Req => ({
      token,
      method: 'POST',
      path: '/v1/sync/push',
      body: JSON.stringify({
        clientId: 'fuzz',
        mutations: [{ ...validMutation(itemOfB), hlc: '9999999999998-0000-zz', set: { deleted: true, text: 'chiếm' } }],
      }),
    }),
  );
  return fc.oneof(
    { weight: 5, arbitrary: badPush },
    { weight: 3, arbitrary: badBody },
    { weight: 2, arbitrary: pull },
    { weight: 2, arbitrary: otherRoutes },
    { weight: 1, arbitrary: aimedAtB },
  );
}

describe('hostile requests (fuzz, fast-check)', () => {
  it(`never answers 5xx, stores nothing it refused, and reveals nothing of another unit (${RUNS} requests)`, async () => {
    console.log(`sync fuzz: seed ${SEED} (replay with GOM_SEED=${SEED})`);
    const dir = mkdtempSync(join(tmpdir(), 'gom-fuzz-'));
    const storage = openSqliteStorage(join(dir, 'gom.db'));
    try {
      await storage.addUnit(unitA);
      await storage.addUnit(unitB);
      const tokens = { A: newToken(), revoked: newToken(), B: newToken() };
      await storage.addUser({ id: 'a', unitId: unitA.id, name: 'A', role: 'admin' }, hashToken(tokens.A));
      await storage.addUser({ id: 'r', unitId: unitA.id, name: 'R', role: 'admin' }, hashToken(tokens.revoked));
      await storage.revokeUser('r');
      await storage.addUser({ id: 'b', unitId: unitB.id, name: 'B', role: 'admin' }, hashToken(tokens.B));
      const app = createApp({ storage, rateLimit: false });
      const itemOfB = randomUUID();
      const seeded = await app.request('/v1/sync/push', {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokens.B}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          clientId: 'b',
          mutations: [{ ...validMutation(itemOfB), set: { text: secretB, occurredOn: '2021-03-03' } }],
        }),
      });
      expect(seeded.status).toBe(200);
      const before = JSON.stringify(await storage.exportUnit(unitB.id));
      let claimedByA = false;

      await fc.assert(
        fc.asyncProperty(requests(itemOfB), async (req) => {
          const revBefore = (await storage.exportUnit(unitA.id))!.unit.rev;
          const headers: Record<string, string> = { 'Content-Type': req.type ?? 'application/json' };
          if (req.token === 'A' || req.token === 'revoked') headers.Authorization = `Bearer ${tokens[req.token]}`;
          if (req.token === 'garbage') headers.Authorization = 'Bearer gom_<script>';
          const res = await app.request(req.path, {
            method: req.method,
            headers,
            body: req.body === HUGE_MARK ? HUGE : req.body,
          });
          const text = Buffer.from(await res.arrayBuffer()).toString('latin1');
          expect(res.status).toBeLessThan(500);
          expect(text).not.toContain(secretB);
          // The id itself may come back only as an item A made under it, never as B's.
          if (!claimedByA) expect(text).not.toContain(itemOfB);
          if (res.status === 200 && req.token === 'A' && req.body?.includes(itemOfB)) claimedByA = true;
          if (res.status >= 400) {
            expect(res.headers.get('content-type')).toContain('application/problem+json');
            expect(text).not.toMatch(/\.ts:\d+|\bat [\w.]+ \(|node_modules/);
          }
          if (res.status !== 200 || req.method !== 'POST') {
            expect((await storage.exportUnit(unitA.id))!.unit.rev).toBe(revBefore);
          }
          // Without a valid token: refused (or too large to read, or a public address), never processed.
          if (req.token !== 'A') expect([200, 401, 404, 413]).toContain(res.status);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      expect(JSON.stringify(await storage.exportUnit(unitB.id))).toBe(before);
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
