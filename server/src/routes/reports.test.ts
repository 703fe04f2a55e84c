import { randomUUID } from 'node:crypto';
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
      expect(at('Hoạt động đối ngoại tháng 3/2021, kế hoạch tháng 4/2021')).toBeGreaterThan(0);
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
});
