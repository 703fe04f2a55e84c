import { randomUUID } from 'node:crypto';
import { defaultTaxonomy } from '@gom/shared';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpServer, testAdapters } from '../test-support';

let env: Awaited<ReturnType<typeof setUpServer>>;
let token: string;

async function pushItems(items: Array<Record<string, unknown>>) {
  const mutations = items.map((set, i) => ({
    mutationId: `report${String(i).padStart(6, '0')}`,
    itemId: randomUUID(),
    hlc: `${1614736800000 + i}-0000-clientA`,
    set: { kind: 'result', createdAt: '2021-03-03T02:00:00.000Z', ...set },
  }));
  const res = await env.app.request('/v1/sync/push', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientId: 'clientA', mutations }),
  });
  expect(res.status).toBe(200);
}

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

describe.each(testAdapters)('on $name', (adapter) => {
  beforeEach(async () => {
    env = await setUpServer(adapter);
    token = await env.tokenFor();
  });
  afterEach(() => env.dispose());

  describe('GET /v1/reports/month/:period.docx', () => {
    it("assembles the unit's month: items under their section, other months and deleted items left out", async () => {
      await pushItems([
        { text: 'Tham mưu UBND tỉnh đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh.', occurredOn: '2021-03-10' },
        {
          text: 'Thực hiện 256 trang biên dịch các loại.',
          occurredOn: '2021-03-31',
          category: 'translation_services_tthc',
        },
        { text: 'Việc của tháng 4.', occurredOn: '2021-04-01' },
        { text: 'Đã xoá.', occurredOn: '2021-03-05', deleted: true },
      ]);
      const res = await env.app.request('/v1/reports/month/2021-03.docx', {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(res.headers.get('content-disposition')).toContain('bao-cao-thang-2021-03.docx');
      const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
      const lines = paragraphs(xml);
      const at = (text: string) => lines.indexOf(text);
      // No plans among the items: the summary promises none.
      expect(at('Hoạt động đối ngoại tháng 3/2021')).toBeGreaterThan(0);
      expect(at('1. Hoạt động hợp tác quốc tế')).toBeGreaterThan(at('I. KẾT QUẢ THỰC HIỆN'));
      expect(at('- Tham mưu UBND tỉnh đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh.')).toBe(
        at('1. Hoạt động hợp tác quốc tế') + 1,
      );
      expect(at('- Thực hiện 256 trang biên dịch các loại.')).toBe(
        at('2. Công tác dịch thuật, dịch vụ và thủ tục hành chính') + 1,
      );
      expect(xml).not.toContain('Việc của tháng 4.');
      expect(xml).not.toContain('Đã xoá.');
    });

    it('answers 404 for what is not a month and 401 without a token', async () => {
      const auth = { headers: { Authorization: `Bearer ${token}` } };
      expect((await env.app.request('/v1/reports/month/2021-13.docx', auth)).status).toBe(404);
      expect((await env.app.request('/v1/reports/month/march.docx', auth)).status).toBe(404);
      expect((await env.app.request('/v1/reports/month/2021-03.docx')).status).toBe(401);
    });
  });

  describe('GET /v1/reports/{kind}/{period}.{docx,html,txt,md}', () => {
    const get = (path: string, bearer: string) =>
      env.app.request(path, { headers: { Authorization: `Bearer ${bearer}` } });

    it('gives an editor the team report in each format, from the same model', async () => {
      await pushItems([
        { text: 'Tổ chức Hội nghị hợp tác với tỉnh bạn.', occurredOn: '2025-02-10', category: 'intl_cooperation' },
        { text: 'Việc của quý II.', occurredOn: '2025-04-01' },
      ]);
      const editor = await env.tokenFor(undefined, 'editor');
      const txt = await get('/v1/reports/quarter/2025-Q1.txt', editor);
      expect(txt.status).toBe(200);
      expect(txt.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(txt.headers.get('content-disposition')).toContain('bao-cao-quy-2025-Q1.txt');
      const text = await txt.text();
      // No plans were pushed: the report promises none.
      expect(text).toContain('Kết quả công tác đối ngoại quý I/2025\n');
      expect(text).toContain('- Tổ chức Hội nghị hợp tác với tỉnh bạn.');
      expect(text).not.toContain('Việc của quý II.');
      const md = await (await get('/v1/reports/quarter/2025-Q1.md', editor)).text();
      expect(md).toContain('### **Kết quả công tác đối ngoại quý I/2025**');
      const html = await get('/v1/reports/quarter/2025-Q1.html', editor);
      expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await html.text()).toContain('<p class="body">- Tổ chức Hội nghị hợp tác với tỉnh bạn.</p>');
      const docx = await get('/v1/reports/quarter/2025-Q1.docx', editor);
      const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']!);
      expect(paragraphs(xml)).toContain('- Tổ chức Hội nghị hợp tác với tỉnh bạn.');
    });

    it('refuses members with a 403 problem, but keeps the month’s .docx theirs (the side panel downloads it)', async () => {
      const res = await get('/v1/reports/quarter/2025-Q1.txt', token);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(((await res.json()) as { detail: string }).detail).toContain('Only editor, admin');
      expect((await get('/v1/reports/month/2025-03.txt', token)).status).toBe(403);
      expect((await get('/v1/reports/month/2025-03.docx', token)).status).toBe(200);
    });

    it('answers 404 in both languages for an unknown kind, a period of another kind, a bad period', async () => {
      const admin = await env.tokenFor(undefined, 'admin');
      for (const path of [
        '/v1/reports/decade/2025.txt',
        '/v1/reports/quarter/2025-03.txt',
        '/v1/reports/year/2025-13.txt',
        '/v1/reports/year/2025.pdf',
      ]) {
        const res = await get(path, admin);
        expect(res.status, path).toBe(404);
        expect(((await res.json()) as { detail: string }).detail).toMatch(/\/ /);
      }
      expect((await get('/v1/reports/year/2025.txt?asOf=October', admin)).status).toBe(400);
    });

    it('refuses a period longer than a leap year with a 400 problem in both languages, before building', async () => {
      const editor = await env.tokenFor(undefined, 'editor');
      for (const [path, bearer] of [
        ['/v1/reports/month/0001-01-01..9999-12-31.docx', token],
        ['/v1/reports/year/2024-01-01..2025-01-01.txt', editor],
        ['/v1/reports/quarter/2025-01-01..2026-03-31.md', editor],
      ] as const) {
        const res = await get(path, bearer);
        expect(res.status, path).toBe(400);
        expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
        expect(((await res.json()) as { detail: string }).detail).toMatch(
          /^Kỳ báo cáo dài tối đa 366 ngày.* \/ A period covers at most 366 days/,
        );
      }
      expect((await get('/v1/reports/year/2024-01-01..2024-12-31.txt', editor)).status).toBe(200);
      const history = (await (await get('/v1/reports/history', editor)).json()) as { reports: unknown[] };
      expect(history.reports).toHaveLength(1);
    });

    it('dates the report on the issue date asked for, and says how far its data reaches', async () => {
      await pushItems([
        { text: 'Đón Đoàn công tác tỉnh bạn.', occurredOn: '2021-03-10', category: 'intl_cooperation' },
      ]);
      const editor = await env.tokenFor(undefined, 'editor');
      const atEnd = await (await get('/v1/reports/month/2021-03.txt?issued=2021-03-31', editor)).text();
      expect(atEnd).toContain('Hà Tĩnh, ngày 31 tháng 3 năm 2021');
      expect(atEnd).toContain('báo cáo kết quả công tác đối ngoại tháng 3/2021 như sau:');
      const early = await (await get('/v1/reports/month/2021-03.txt?issued=2021-03-20', editor)).text();
      expect(early).toContain('Hà Tĩnh, ngày 20 tháng 3 năm 2021');
      expect(early).toContain('báo cáo kết quả công tác đối ngoại từ ngày 01/3 - 20/3/2021 như sau:');
      expect(early).toContain('- Đón Đoàn công tác tỉnh bạn.');
      const docx = await get('/v1/reports/month/2021-03.docx?issued=2021-04-02', editor);
      const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']!);
      expect(paragraphs(xml)).toContain('Hà Tĩnh, ngày 02 tháng 4 năm 2021');
    });

    it.each(['31/3/2021', '2021-02-30', 'today'])(
      'refuses the issue date %s with a problem in both languages',
      async (issued) => {
        const editor = await env.tokenFor(undefined, 'editor');
        const res = await get(`/v1/reports/month/2021-03.docx?issued=${encodeURIComponent(issued)}`, editor);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const body = (await res.json()) as { errors: Array<{ path: string; message: string }> };
        expect(body.errors).toEqual([
          { path: 'issued', message: 'issued phải là một ngày YYYY-MM-DD / issued must be a date, YYYY-MM-DD' },
        ]);
        const history = await get('/v1/reports/history', editor);
        expect(((await history.json()) as { reports: unknown[] }).reports).toEqual([]);
      },
    );

    it('says how far the data reaches in a report asked for before its period ends', async () => {
      const admin = await env.tokenFor(undefined, 'admin');
      const text = await (await get('/v1/reports/year/2023.txt?asOf=2023-10-20', admin)).text();
      expect(text).toContain('Kết quả công tác đối ngoại năm 2023\n');
      expect(text).toContain('báo cáo kết quả công tác đối ngoại 10 tháng đầu năm 2023');
    });

    it('rolls the months’ figures up into the half-year and the year', async () => {
      const months = ['2025-01-20', '2025-02-20', '2025-03-20', '2025-04-20', '2025-05-20', '2025-06-20', '2025-07-20'];
      await pushItems(
        months.map((occurredOn, i) => ({
          text: 'Biên dịch',
          kind: 'stat',
          metric: 'translation_pages_content',
          value: 100 + i,
          occurredOn,
        })),
      );
      const editor = await env.tokenFor(undefined, 'editor');
      const january = await (await get('/v1/reports/month/2025-01.txt', editor)).text();
      expect(january).toContain('Thực hiện 100 trang biên dịch các loại');
      const half = await (await get('/v1/reports/half_year/2025-H1.txt', editor)).text();
      expect(half).toContain(`Thực hiện ${100 + 101 + 102 + 103 + 104 + 105} trang biên dịch các loại`);
      const year = await (await get('/v1/reports/year/2025.txt', editor)).text();
      expect(year).toContain('Thực hiện 721 trang biên dịch các loại');
    });

    it('keeps each export in the history: kind, period, items, who, when — newest first', async () => {
      await pushItems([{ text: 'Tổ chức Hội nghị.', occurredOn: '2025-03-10' }]);
      const editor = await env.tokenFor(undefined, 'editor');
      await get('/v1/reports/month/2025-03.md', editor);
      await get('/v1/reports/quarter/2025-Q1.docx', editor);
      const res = await get('/v1/reports/history', editor);
      expect(res.status).toBe(200);
      const { reports } = (await res.json()) as { reports: Array<Record<string, unknown>> };
      expect(reports).toHaveLength(2);
      expect(reports[0]).toMatchObject({
        kind: 'quarter',
        periodId: '2025-Q1',
        format: 'docx',
        templateId: 'so-ngoai-vu-quarter',
      });
      expect(reports[1]).toMatchObject({ kind: 'month', periodId: '2025-03', format: 'md' });
      expect(reports[1]?.itemIds).toHaveLength(1);
      expect(typeof reports[0]?.userId).toBe('string');
      expect((await get('/v1/reports/history', token)).status).toBe(403);
      expect((await get('/v1/reports/history?limit=0', editor)).status).toBe(400);
    });

    it('tells every member which items are in an exported report, per kind, the preview aside', async () => {
      await pushItems([
        { text: 'Tổ chức Hội nghị.', occurredOn: '2025-03-10' },
        { text: 'Ban hành Kế hoạch.', occurredOn: '2025-02-10' },
      ]);
      const editor = await env.tokenFor(undefined, 'editor');
      await get('/v1/reports/month/2025-02.html', editor);
      type Reported = { items: Array<Record<string, string>>; cursor: string | null };
      const none = (await (await get('/v1/reports/reported-items', token)).json()) as Reported;
      expect(none).toEqual({ items: [], cursor: null });

      await get('/v1/reports/month/2025-03.docx', editor);
      await get('/v1/reports/quarter/2025-Q1.txt', editor);
      const res = await get('/v1/reports/reported-items', token);
      expect(res.status).toBe(200);
      const all = (await res.json()) as Reported;
      expect(all.items.map((i) => [i.kind, i.periodId]).sort()).toEqual([
        ['month', '2025-03'],
        ['quarter', '2025-Q1'],
        ['quarter', '2025-Q1'],
      ]);
      const history = (await (await get('/v1/reports/history', editor)).json()) as {
        reports: Array<{ id: string; createdAt: string }>;
      };
      const monthItem = all.items.find((i) => i.kind === 'month');
      expect(monthItem).toMatchObject({ reportedAt: expect.any(String), reportId: expect.any(String) });
      expect(history.reports.some((r) => r.id === monthItem?.reportId)).toBe(true);
      expect(all.cursor).toBe(history.reports[0]?.createdAt);

      const quarter = (await (await get('/v1/reports/reported-items?kind=quarter', token)).json()) as Reported;
      expect(quarter.items).toHaveLength(2);
      const since = (await (
        await get(`/v1/reports/reported-items?since=${encodeURIComponent(all.cursor ?? '')}`, token)
      ).json()) as Reported;
      expect(since).toEqual({ items: [], cursor: all.cursor });
      expect((await get('/v1/reports/reported-items?kind=decade', token)).status).toBe(400);
      expect((await get('/v1/reports/reported-items?since=yesterday', token)).status).toBe(400);
    });
  });

  describe('GET/PUT /v1/report-settings/{kind}', () => {
    const put = (kind: string, body: unknown, bearer: string) =>
      env.app.request(`/v1/report-settings/${kind}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const settings = {
      place: 'Nghệ An',
      blankDay: true,
      addressees: ['Ủy ban nhân dân tỉnh;', 'Bộ Ngoại giao.'],
      recipients: ['Như trên;', 'Lưu: VT, VP.'],
      signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn A' },
      cutoff: 'nd09',
    };

    it('stores the unit’s settings per kind, and the report follows them', async () => {
      const editor = await env.tokenFor(undefined, 'editor');
      const auth = { headers: { Authorization: `Bearer ${editor}` } };
      expect(await (await env.app.request('/v1/report-settings/month', auth)).json()).toEqual({
        kind: 'month',
        settings: {},
      });
      expect((await put('month', settings, editor)).status).toBe(200);
      expect(await (await env.app.request('/v1/report-settings/month', auth)).json()).toEqual({
        kind: 'month',
        settings,
      });
      expect(await (await env.app.request('/v1/report-settings/quarter', auth)).json()).toEqual({
        kind: 'quarter',
        settings: {},
      });
      await pushItems([
        { text: 'Ngày 15/02, trong kỳ cắt theo Nghị định 09.', occurredOn: '2025-02-15' },
        { text: 'Ngày 20/3, kỳ sau.', occurredOn: '2025-03-20' },
      ]);
      const text = await (await env.app.request('/v1/reports/month/2025-03.txt', auth)).text();
      expect(text).toMatch(/Nghệ An, ngày {6}tháng \d+ năm \d{4}/);
      expect(text).toContain('Kính gửi:\n- Ủy ban nhân dân tỉnh;\n- Bộ Ngoại giao.');
      expect(text).toContain('- Ngày 15/02, trong kỳ cắt theo Nghị định 09.');
      expect(text).not.toContain('Ngày 20/3');
      expect(text).toContain('Nguyễn Văn A');
    });

    it('refuses invalid settings with the fields to fix, and changes nothing', async () => {
      const editor = await env.tokenFor(undefined, 'editor');
      await put('month', settings, editor);
      const res = await put('month', { ...settings, recipients: ['Như trên;'], cutoff: 'lunar' }, editor);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { detail: string; errors: Array<{ path: string }> };
      expect(body.detail).toContain('nothing was stored');
      expect(body.errors.map((e) => e.path).sort()).toEqual(['cutoff', 'recipients']);
      expect((await put('decade', settings, editor)).status).toBe(400);
      const auth = { headers: { Authorization: `Bearer ${editor}` } };
      expect(await (await env.app.request('/v1/report-settings/month', auth)).json()).toEqual({
        kind: 'month',
        settings,
      });
    });

    it('gives an admin the settings too, and each unit only its own', async () => {
      const editor = await env.tokenFor(undefined, 'editor');
      expect((await put('month', settings, editor)).status).toBe(200);
      const admin = { headers: { Authorization: `Bearer ${await env.tokenFor(undefined, 'admin')}` } };
      expect(await (await env.app.request('/v1/report-settings/month', admin)).json()).toEqual({
        kind: 'month',
        settings,
      });
      await env.storage.addUnit({ ...defaultTaxonomy.unit, id: 'SNV', name: 'Sở Nội vụ', abbreviation: 'SNV' });
      const theirs = { headers: { Authorization: `Bearer ${await env.tokenFor('SNV', 'editor')}` } };
      expect(await (await env.app.request('/v1/report-settings/month', theirs)).json()).toEqual({
        kind: 'month',
        settings: {},
      });
    });

    it('is for editors and admins only', async () => {
      expect((await put('month', settings, token)).status).toBe(403);
      const auth = { headers: { Authorization: `Bearer ${token}` } };
      expect((await env.app.request('/v1/report-settings/month', auth)).status).toBe(403);
      expect((await env.app.request('/v1/report-settings/month')).status).toBe(401);
    });
  });
});
