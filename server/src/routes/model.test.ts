import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpServer, testAdapters } from '../test-support';

let env: Awaited<ReturnType<typeof setUpServer>>;

const MSI = 'Góp ý xử lý tài sản của Trung tâm MSI Hà Tĩnh';
const lessons = [
  'Góp ý phương án xử lý tài sản của Trung tâm MSI',
  'Làm việc với Trung tâm MSI về tài sản dự án',
  'Báo cáo tình hình tài sản Trung tâm MSI',
].map((text) => ({ text, category: 'intl_cooperation' }));

describe.each(testAdapters)('POST /v1/model/lessons on $name', (adapter) => {
  beforeEach(async () => {
    env = await setUpServer(adapter, { authFailureLimit: false });
  });
  afterEach(() => env.dispose());

  const post = (token: string, body: unknown) =>
    env.app.request('/v1/model/lessons', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const model = async (token: string) =>
    (await env.app.request('/v1/config/model', { headers: { Authorization: `Bearer ${token}` } })).json();

  it('learns a member’s lessons into the unit’s model, which every member then reads', async () => {
    const officer = await env.tokenFor('SNgV', 'member');
    const colleague = await env.tokenFor('SNgV', 'member');
    expect((await model(colleague)).version).toBeNull();
    const res = await post(officer, { lessons });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ version: 1, learned: 3 });
    const stored = await model(colleague);
    expect(stored.version).toBe(1);
    expect(stored.document.learned).toBe(3);
    const again = await post(colleague, { lessons: [{ text: MSI, category: 'intl_cooperation', kind: 'result' }] });
    expect(await again.json()).toEqual({ version: 2, learned: 4 });
  });

  it('takes two officers’ batches in turn: neither loses the other’s lessons', async () => {
    const [a, b] = [await env.tokenFor('SNgV', 'member'), await env.tokenFor('SNgV', 'member')];
    const answers = await Promise.all([post(a, { lessons }), post(b, { lessons })]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect((await model(a)).document.learned).toBe(6);
  });

  it('refuses a batch with a category the unit does not have, or a bad body, and learns nothing', async () => {
    const token = await env.tokenFor('SNgV', 'member');
    const unknown = await post(token, { lessons: [...lessons, { text: 'Trực ban', category: 'truc_ban' }] });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).detail).toMatch(
      /Nhóm không có trong danh mục của đơn vị: truc_ban .* Nothing was learned/,
    );
    const empty = await post(token, { lessons: [] });
    expect(empty.status).toBe(400);
    const control = await post(token, { lessons: [{ text: 'a\u0000b', category: 'other' }] });
    expect(control.status).toBe(400);
    expect((await model(token)).version).toBeNull();
  });

  it('keeps the latest versions of the model only', async () => {
    const token = await env.tokenFor('SNgV', 'member');
    for (let i = 0; i < 22; i++) await post(token, { lessons: [{ text: `${MSI} đợt ${i}`, category: 'other' }] });
    const versions = await env.storage.listConfigVersions('SNgV', 'model');
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 20 }, (_, i) => 22 - i));
  });

  it('refuses a request without a token', async () => {
    expect((await env.app.request('/v1/model/lessons', { method: 'POST', body: '{}' })).status).toBe(401);
  });
});

const PAST_REPORT = [
  '#### **I. KẾT QUẢ THỰC HIỆN**',
  '##### **1. Hoạt động hợp tác quốc tế**',
  '- Văn bản gửi các sở, ngành về việc: Góp ý phương án tài sản Trung tâm MSI; làm việc với Trung tâm MSI.',
  '##### **2. Công tác văn phòng, tổ chức bộ máy và hoạt động Thanh tra**',
  '- Hoạt động Đảng, Đoàn thể: họp chi bộ tháng 5; sinh hoạt Đoàn thanh niên.',
  '##### **3. Công tác trực ban**',
  '- Trực ban ngày lễ Quốc khánh.',
].join('\n');

describe.each(testAdapters)('POST /v1/model/reports on $name', (adapter) => {
  beforeEach(async () => {
    env = await setUpServer(adapter, { authFailureLimit: false });
  });
  afterEach(() => env.dispose());

  const upload = (token: string, body: unknown) =>
    env.app.request('/v1/model/reports', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

  it('learns an editor’s past report, names the headings it could not place, and places them when told', async () => {
    const editor = await env.tokenFor('SNgV', 'editor');
    const first = await upload(editor, { name: 'bao-cao-thang-5.md', content: base64(PAST_REPORT) });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ version: 1, learned: 4, lessons: 4, unmapped: ['Công tác trực ban'] });
    const told = await upload(editor, {
      name: 'bao-cao-thang-5.md',
      content: base64(PAST_REPORT),
      headings: { 'Công tác trực ban': 'office_admin' },
    });
    expect(await told.json()).toMatchObject({ version: 2, learned: 9, lessons: 5, unmapped: [] });
    const leads = await env.storage.getConfig('SNgV', 'leads');
    expect(JSON.stringify(leads?.document)).toContain('hoạt động đảng, đoàn thể');
  });

  it('refuses a member, a file it cannot read and a category the unit lacks, and learns nothing', async () => {
    const member = await env.tokenFor('SNgV', 'member');
    expect((await upload(member, { name: 'a.md', content: base64(PAST_REPORT) })).status).toBe(403);
    const editor = await env.tokenFor('SNgV', 'editor');
    const pdf = await upload(editor, { name: 'bao-cao.pdf', content: base64('%PDF-1.4') });
    expect(pdf.status).toBe(400);
    expect((await pdf.json()).detail).toMatch(/không đọc được báo cáo .* Nothing was learned/);
    const unknown = await upload(editor, {
      name: 'a.md',
      content: base64(PAST_REPORT),
      headings: { 'Công tác trực ban': 'truc_ban' },
    });
    expect(unknown.status).toBe(400);
    expect((await upload(editor, { name: 'a.md', content: 'không phải base64!' })).status).toBe(400);
    expect(await env.storage.getConfig('SNgV', 'model')).toBeUndefined();
  });
});
