import { randomUUID } from 'node:crypto';
import { defaultLeads, defaultRules, defaultTemplates, unitConfigKinds } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpServer, testAdapters } from '../test-support';

let env: Awaited<ReturnType<typeof setUpServer>>;
let admin: string;

const call = (path: string, token: string | undefined, init: RequestInit = {}) =>
  env.app.request(path, {
    ...init,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
  });
const put = (kind: string, token: string | undefined, body: unknown) =>
  call(`/v1/config/${kind}`, token, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body) });

async function pushItems(token: string, items: Array<Record<string, unknown>>) {
  const res = await call('/v1/sync/push', token, {
    method: 'POST',
    body: JSON.stringify({
      clientId: 'clientA',
      mutations: items.map((set, i) => ({
        mutationId: `config${String(i).padStart(6, '0')}`,
        itemId: randomUUID(),
        hlc: `${1614736800000 + i}-0000-clientA`,
        set: { kind: 'result', createdAt: '2021-03-03T02:00:00.000Z', ...set },
      })),
    }),
  });
  expect(res.status).toBe(200);
}

/** The month template, renamed and with its first section retitled: a unit's own layout. */
const ownTemplates = {
  templates: defaultTemplates.map((t) =>
    t.kind !== 'month'
      ? t
      : {
          ...t,
          summary: 'Kết quả công tác tháng của đơn vị {period}',
          parts: t.parts.map((part, i) =>
            i === 0
              ? { ...part, sections: part.sections.map((s, j) => (j === 0 ? { ...s, title: 'Hợp tác quốc tế' } : s)) }
              : part,
          ),
        },
  ),
};

describe.each(testAdapters)('on $name', (adapter) => {
  beforeEach(async () => {
    env = await setUpServer(adapter);
    admin = await env.tokenFor(undefined, 'admin');
  });
  afterEach(() => env.dispose());

  describe('GET /v1/config/{kind}', () => {
    it.each(unitConfigKinds)('gives every member the built-in %s document until the unit has its own', async (kind) => {
      const member = await env.tokenFor();
      const res = await call(`/v1/config/${kind}`, member);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { kind: string; version: number | null; document: unknown };
      expect(body).toMatchObject({ kind, version: null });
      expect(body.document).toBeTypeOf('object');
    });

    it('answers 400 for an unknown kind and 401 without a token', async () => {
      expect((await call('/v1/config/colours', admin)).status).toBe(400);
      expect((await call('/v1/config/rules', undefined)).status).toBe(401);
    });
  });

  describe('PUT /v1/config/{kind}', () => {
    it('stores each replacement as a new version, lists the versions, and reads any of them back', async () => {
      const first = await put('leads', admin, { leads: defaultLeads.slice(0, 3) });
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ kind: 'leads', version: 1 });
      expect((await put('leads', admin, { leads: defaultLeads })).status).toBe(200);

      const current = (await (await call('/v1/config/leads', await env.tokenFor())).json()) as {
        version: number;
        document: { leads: unknown[] };
      };
      expect(current.version).toBe(2);
      expect(current.document.leads).toHaveLength(defaultLeads.length);

      const versions = (await (await call('/v1/config/leads/versions', admin)).json()) as {
        versions: Array<{ version: number; createdBy: string; createdAt: string }>;
      };
      expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);
      const old = (await (await call('/v1/config/leads/versions/1', admin)).json()) as {
        document: { leads: unknown[] };
      };
      expect(old.document.leads).toHaveLength(3);
      expect((await call('/v1/config/leads/versions/7', admin)).status).toBe(404);
    });

    it('is for admins only: members and editors get 403 and nothing is stored', async () => {
      for (const role of ['member', 'editor'] as const) {
        const token = await env.tokenFor(undefined, role);
        const res = await put('rules', token, { rules: defaultRules });
        expect(res.status).toBe(403);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect((await call('/v1/config/rules/versions', token)).status).toBe(403);
        expect((await call('/v1/config/rules/versions/1', token)).status).toBe(403);
      }
      expect((await (await call('/v1/config/rules', admin)).json()) as { version: null }).toMatchObject({
        version: null,
      });
    });

    it.each([
      [
        'rules',
        { rules: [{ category: 'other', when: { keywords: ['x'] } }] },
        'rules',
        'The last rule must be a catch-all',
      ],
      ['rules', { rules: [{ category: 'weather', when: {} }] }, 'rules.0.category', 'Category "weather"'],
      ['leads', { leads: [{ id: 'x', pattern: '(', separator: ': ' }] }, 'leads.0.pattern', 'Not a valid regular'],
      ['templates', { templates: defaultTemplates.slice(0, 2) }, 'templates', 'No template for'],
      ['taxonomy', { nope: true }, 'unit', ''],
      ['metrics', { metrics: [] }, 'lines', ''],
    ])(
      'refuses an invalid %s document with a 400 problem naming the field, and stores nothing',
      async (kind, body, path, message) => {
        const res = await put(kind, admin, body);
        expect(res.status).toBe(400);
        const problem = (await res.json()) as { detail: string; errors: Array<{ path: string; message: string }> };
        expect(problem.detail).toMatch(/không hợp lệ.*nothing was stored/);
        expect(problem.errors.some((e) => e.path === path && e.message.includes(message))).toBe(true);
        expect((await (await call(`/v1/config/${kind}/versions`, admin)).json()) as { versions: [] }).toEqual({
          kind,
          versions: [],
        });
      },
    );

    it('refuses a body that is not JSON, and a taxonomy of another unit', async () => {
      const res = await put('rules', admin, '{"rules": [');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toContain('not JSON');
      const taxonomy = (await (await call('/v1/config/taxonomy', admin)).json()) as {
        document: { unit: Record<string, string> };
      };
      const other = { ...taxonomy.document, unit: { ...taxonomy.document.unit, id: 'SNV' } };
      const refused = await put('taxonomy', admin, other);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('unit.id');
    });

    it('refuses a taxonomy that drops a category the templates still use', async () => {
      const taxonomy = (await (await call('/v1/config/taxonomy', admin)).json()) as {
        document: { categories: Array<{ key: string }> };
      };
      const res = await put('taxonomy', admin, {
        ...taxonomy.document,
        categories: taxonomy.document.categories.filter((c) => c.key !== 'office_admin'),
      });
      expect(res.status).toBe(400);
      const { errors } = (await res.json()) as { errors: Array<{ path: string; message: string }> };
      expect(errors.some((e) => e.path.startsWith('templates.') && e.message.includes('"office_admin"'))).toBe(true);
    });
  });

  describe('the unit’s report follows its current configuration', () => {
    it('uses the unit’s templates and rules, and the built-in ones again for another unit', async () => {
      const editor = await env.tokenFor(undefined, 'editor');
      await pushItems(editor, [{ text: 'Đón tiếp Đoàn công tác của tỉnh Gifu.', occurredOn: '2021-03-10' }]);
      const before = await (await call('/v1/reports/month/2021-03.txt', editor)).text();
      expect(before).toContain('Hoạt động đối ngoại tháng 3/2021');
      // The built-in knowledge takes a delegation's welcome for the delegations' section.
      expect(before).toMatch(
        /1\. Công tác lãnh sự, biên giới và người Việt Nam ở nước ngoài\n\n- Đón tiếp Đoàn công tác của tỉnh Gifu\./,
      );

      expect((await put('templates', admin, ownTemplates)).status).toBe(200);
      // The unit's own rule, its administrator's word: whatever mentions Gifu is international cooperation.
      const rules = { rules: [{ category: 'intl_cooperation', when: { keywords: ['gifu'] } }, ...defaultRules] };
      expect((await put('rules', admin, rules)).status).toBe(200);

      const after = await (await call('/v1/reports/month/2021-03.txt', editor)).text();
      expect(after).toContain('Kết quả công tác tháng của đơn vị tháng 3/2021');
      expect(after).toContain('1. Hợp tác quốc tế\n\n- Đón tiếp Đoàn công tác của tỉnh Gifu.');
    });
  });
});
