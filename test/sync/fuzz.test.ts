import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, hashToken, newToken, openSqliteStorage } from '@gom/server';
import { defaultTaxonomy, reportKinds } from '@gom/shared';
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

// Characters no officer types and XML cannot hold: C0 controls (tab, line feed and carriage return
// are text), U+FFFE, U+FFFF, and surrogates without their pair (JSON.stringify escapes those, so
// they reach the server as they are).
const UNWRITABLE = [
  ...['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001b', '\u001f'],
  ...['\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff'],
];
const unwritableText = fc
  .record({
    before: fc.string({ maxLength: 8 }),
    char: fc.constantFrom(...UNWRITABLE),
    after: fc.string({ maxLength: 8 }),
  })
  // Inside the text: \v and \f at its ends would be trimmed away, not stored.
  .map(({ before, char, after }) => `Họp ${before}${char}${after} xong`);
const noDocument = {
  reference: null,
  type: null,
  issuedOn: null,
  issuer: null,
  signer: null,
  direction: null,
  dueOn: null,
};
/** Where a pushed text may hold one: every kind of text field, nested ones included. */
const textPlaces: Array<(text: string) => Record<string, unknown>> = [
  (text) => ({ text, occurredOn: '2021-03-03' }),
  (lead) => ({ lead }),
  (category) => ({ category }),
  (metric) => ({ metric }),
  (plannedFor) => ({ plannedFor }),
  (tag) => ({ tags: ['hợp lệ', tag] }),
  (title) => ({ source: { url: null, title, selection: null, document: null } }),
  (selection) => ({ source: { url: 'https://vanban.example/1', title: null, selection, document: null } }),
  (summary) => ({ source: { url: null, title: null, selection: null, document: { ...noDocument, summary } } }),
];

/**
 * What a request with a valid token must get, besides the rules every request keeps: `refused`, a
 * 400 (so nothing stored); `accepted`, a 200; `bounded`, a 4xx, quickly, whatever the token.
 */
type Outcome = 'refused' | 'bounded' | 'accepted';
type Req = {
  token: 'A' | 'revoked' | 'none' | 'garbage';
  method: string;
  path: string;
  body?: string;
  type?: string;
  outcome?: Outcome;
};
const pushOf = (mutations: unknown[]) => JSON.stringify({ clientId: 'fuzz', mutations });

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
  const unwritable = fc
    .record({ good: fc.nat({ max: 2 }), place: fc.constantFrom(...textPlaces), text: unwritableText })
    .map(({ good, place, text }): Req => {
      const mutations = [
        ...Array.from({ length: good }, () => validMutation()),
        { ...validMutation(), set: place(text) },
      ];
      return { token: 'A', method: 'POST', path: '/v1/sync/push', body: pushOf(mutations), outcome: 'refused' };
    });
  // One mutation id twice: a redelivery when the two are the same, refused whole when they differ.
  type Copy = (m: ReturnType<typeof validMutation>) => object;
  const copies: Array<[Copy, Outcome]> = [
    [(m) => ({ ...m, set: { ...m.set, text: `${m.set.text} (sửa)` } }), 'refused'],
    [(m) => ({ ...m, set: { ...m.set, lead: null } }), 'refused'],
    [(m) => ({ ...m, hlc: '1700000000001-0000-fuzz' }), 'refused'],
    [(m) => ({ ...m, itemId: randomUUID() }), 'refused'],
    [(m) => ({ ...m }), 'accepted'],
    // The same members in another order: still the same mutation.
    [
      (m) => ({
        set: { occurredOn: m.set.occurredOn, text: m.set.text },
        hlc: m.hlc,
        itemId: m.itemId,
        mutationId: m.mutationId,
      }),
      'accepted',
    ],
  ];
  const twice = fc
    .record({ good: fc.nat({ max: 2 }), copy: fc.constantFrom(...copies) })
    .map(({ good, copy: [copy, outcome] }): Req => {
      const m = validMutation();
      const mutations = [m, ...Array.from({ length: good }, () => validMutation()), copy(m)];
      return { token: 'A', method: 'POST', path: '/v1/sync/push', body: pushOf(mutations), outcome };
    });
  // Custom periods of thousands of years, or backwards: refused before anything is built.
  const year = (min: number, max: number) => fc.integer({ min, max }).map((y) => String(y).padStart(4, '0'));
  const unboundedPeriod = fc
    .record({
      token,
      kind: fc.constantFrom(...reportKinds),
      ext: fc.constantFrom('docx', 'html', 'txt', 'md'),
      from: year(1, 1999),
      to: year(2100, 9999),
      backwards: fc.boolean(),
    })
    .map(({ token, kind, ext, from, to, backwards }): Req => {
      const [a, b] = backwards ? [`${to}-12-31`, `${from}-01-01`] : [`${from}-01-01`, `${to}-12-31`];
      return { token, method: 'GET', path: `/v1/reports/${kind}/${a}..${b}.${ext}`, outcome: 'bounded' };
    });
  const widest = fc.constant<Req>({
    token: 'A',
    method: 'GET',
    path: '/v1/reports/month/0001-01-01..9999-12-31.docx',
    outcome: 'bounded',
  });
  return fc.oneof(
    { weight: 5, arbitrary: badPush },
    { weight: 2, arbitrary: unwritable },
    { weight: 2, arbitrary: twice },
    { weight: 1, arbitrary: unboundedPeriod },
    { weight: 1, arbitrary: widest },
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
      // Without either limit: past the first 20 failed tokens, every request (they all come from one
      // address, `app.request()`'s) would be a 429, and nothing behind it would be tried any more.
      const app = createApp({ storage, rateLimit: false, authFailureLimit: false });
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
          const started = performance.now();
          const res = await app.request(req.path, {
            method: req.method,
            headers,
            body: req.body === HUGE_MARK ? HUGE : req.body,
          });
          const text = Buffer.from(await res.arrayBuffer()).toString('latin1');
          const ms = performance.now() - started;
          expect(res.status).toBeLessThan(500);
          if (req.token === 'A' && req.outcome === 'refused') expect(res.status).toBe(400);
          if (req.token === 'A' && req.outcome === 'accepted') expect(res.status).toBe(200);
          if (req.outcome === 'bounded') {
            expect(res.status).toBeGreaterThanOrEqual(400);
            expect(ms).toBeLessThan(1000);
          }
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
