import { localIsoDate, parsePeriod, periodTitle } from '@gom/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connectToServer, setUpE2e } from './harness';
import { askBackground, callServer, downloadBy, downloadedParagraphs, readLocalItems } from './support';

const e2e = setUpE2e({ server: { role: 'editor' } });
let panel: Page;

const today = localIsoDate(new Date());
const month = parsePeriod(today.slice(0, 7));
const CLIP = 'Tham mưu UBND tỉnh ban hành Kế hoạch đón Đoàn công tác Đại sứ quán Lào đến thăm, làm việc tại tỉnh';
const HOSTILE = 'Góp ý dự thảo <img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
const SIGNER = 'Nguyễn Thị Ngoại Vụ';

describe('the report, one click, offline', () => {
  it('keeps the report settings locally and sends them to the server (an editor)', async () => {
    const options = await e2e.browser.openExtensionPage('options.html');
    await connectToServer(options, e2e.server);

    await options.selectOption('select[name="report-kind"]', 'month');
    await options.fill('input[name="report-signerAuthority"]', 'KT. GIÁM ĐỐC');
    await options.fill('input[name="report-signerTitle"]', 'PHÓ GIÁM ĐỐC');
    await options.fill('input[name="report-signerName"]', SIGNER);
    await options.fill('textarea[name="report-recipients"]', 'Như trên;\nLãnh đạo Sở;\nLưu: VT, VPTTr.');
    await options.click('button[data-action="save-report-settings"]');
    await expect
      .poll(() => options.locator('[data-role="report-settings-status"]').textContent())
      .toBe(
        'Đã lưu trên máy này và gửi lên máy chủ cho cả đơn vị. Báo cáo tháng: đã lưu Nơi nhận, Thẩm quyền ký (KT., TL., …), Chức vụ người ký, Họ và tên người ký; các ô để trống theo mẫu.',
      );
    const onServer = await callServer(e2e.server, '/v1/report-settings/month').then((r) => r.json());
    expect(onServer.settings).toMatchObject({ signer: { name: SIGNER } });

    // A mistake Nghị định 30 forbids is refused with its reason, and nothing is sent.
    await options.fill('textarea[name="report-recipients"]', 'Như trên;');
    await options.click('button[data-action="save-report-settings"]');
    await expect
      .poll(() => options.locator('[data-role="report-settings-status"]').textContent())
      .toMatch(/^Chưa lưu, vì thông tin chưa đúng:.*Lưu: VT/s);
    await options.close();
  });

  it('says in plain words that the server is unreachable, at once when the officer asks', async () => {
    panel = await e2e.browser.openExtensionPage('sidepanel.html');
    for (const text of [CLIP, HOSTILE]) {
      expect(await askBackground(panel, { type: 'clip', text })).toMatchObject({ ok: true });
    }
    await expect.poll(async () => (await readLocalItems(panel)).outbox, { timeout: 15_000 }).toBe(0);
    await e2e.server.stop();

    await panel.click('button[data-action="sync"]');
    await expect
      .poll(() => panel.locator('[data-role="status"]').textContent())
      .toMatch(/^Không kết nối được tới máy chủ Gom/);
    // After a failure the next sync waits out a backoff (1–2 s after the first); the button's
    // request skips it, a background trigger does not.
    const timed = async (message: object) => {
      const started = Date.now();
      const reply = await askBackground<{ ok: boolean; error?: string }>(panel, message);
      return { reply, ms: Date.now() - started };
    };
    const asked = await timed({ type: 'sync', immediate: true });
    expect(asked.reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Không kết nối được/) });
    expect(asked.ms).toBeLessThan(900);
    expect((await timed({ type: 'sync' })).ms).toBeGreaterThanOrEqual(900);
    await expect
      .poll(() => panel.locator('[data-role="last-error"]').textContent())
      .toMatch(/^Lần đồng bộ gần nhất bị lỗi: Không kết nối được tới máy chủ Gom/);
    await expect.poll(() => panel.locator('[data-role="last-sync"]').textContent()).toMatch(/^Đồng bộ lần cuối: /);
  });

  it('builds the .docx in the side panel from local data with the server stopped, and lists the check', async () => {
    const download = await downloadBy(panel, 'button[data-action="download-report"]');
    // Her own report, named and announced apart from the unit's.
    expect(download.suggestedFilename()).toBe(`bao-cao-thang-${month.id}-ca-nhan.docx`);
    await expect
      .poll(() => panel.locator('[data-role="status"]').textContent())
      .toBe(`Đã tải báo cáo của riêng bạn (các mục trên máy này): bao-cao-thang-${month.id}-ca-nhan.docx.`);
    const lines = await downloadedParagraphs(download);
    expect(lines.some((line) => line.startsWith('- ') && line.includes('Đoàn công tác Đại sứ quán Lào'))).toBe(true);
    expect(lines.some((line) => line.includes('<img src=x'))).toBe(true);
    expect(lines.join('\n')).toContain(periodTitle(month));
    expect(lines).toContain(SIGNER);
    await expect.poll(() => panel.locator('[data-role="findings"]').count()).toBe(1);
    await expect.poll(() => panel.locator('[data-role="findings"] > p').textContent()).toMatch(/^Kiểm tra: /);
  });

  it('previews the report, lets a bullet be edited for this export only, and keeps the page inert', async () => {
    const preview = await e2e.browser.openExtensionPage(`report.html?period=${month.id}`);
    const frame = preview.frameLocator('iframe[data-role="preview"]');
    const bullet = frame.locator('[data-bullet] [contenteditable]', { hasText: 'Đoàn công tác Đại sứ quán Lào' });
    await expect.poll(() => bullet.count()).toBe(1);
    // Clipped markup is text in the preview: no element made from it, nothing run.
    expect(await frame.locator('img, script').count()).toBe(0);
    expect(await preview.title()).not.toBe('pwned');
    await expect
      .poll(() => preview.locator('[data-role="findings"] > p').textContent())
      .toMatch(/^Kiểm tra trước khi xuất/);

    await bullet.fill('Tham mưu đón Đoàn Đại sứ quán Lào (đã sửa cho bản này).');
    const lines = await downloadedParagraphs(await downloadBy(preview, 'button[data-action="export-docx"]'));
    expect(lines).toContain('- Tham mưu đón Đoàn Đại sứ quán Lào (đã sửa cho bản này).');
    expect(lines.some((line) => line.includes('Đoàn công tác Đại sứ quán Lào'))).toBe(false);
    // The saved item is as it was.
    const texts = (await readLocalItems(preview)).items.map((item) => item.fields.text);
    expect(texts).toContain(CLIP);
  });

  it('switches between periods: the quarter holds this month, the quarter before does not', async () => {
    await panel.selectOption('select[name="period-kind"]', 'quarter');
    const quarter = `${month.year}-Q${Math.ceil(month.index / 3)}`;
    await expect.poll(() => panel.locator('h1[data-role="period"]').getAttribute('data-period')).toBe(quarter);
    await expect
      .poll(() => panel.locator('h1[data-role="period"]').textContent())
      .toBe(periodTitle(parsePeriod(quarter)));
    await expect.poll(() => panel.locator('[data-role="item-text"]', { hasText: 'Đoàn công tác' }).count()).toBe(1);
    await panel.click('button[data-action="previous-period"]');
    await expect.poll(() => panel.locator('[data-role="empty"]').count()).toBe(1);
    await panel.click('button[data-action="current-period"]');
    await expect.poll(() => panel.locator('[data-role="item-text"]', { hasText: 'Đoàn công tác' }).count()).toBe(1);
    for (const kind of ['week', 'half', 'year', 'month'] as const) {
      await panel.selectOption('select[name="period-kind"]', kind);
      await expect.poll(() => panel.locator('[data-role="item-text"]', { hasText: 'Đoàn công tác' }).count()).toBe(1);
    }
  });

  it('picks March 2021 directly, and keeps it in view when the kind of period changes', async () => {
    const shown = () => panel.locator('h1[data-role="period"]').getAttribute('data-period');
    // Two picks, not a click a month back through five years.
    await panel.selectOption('select[name="period-year"]', '2021');
    await panel.selectOption('select[name="period-index"]', '3');
    await expect.poll(shown).toBe('2021-03');
    expect(await panel.locator('h1[data-role="period"]').textContent()).toBe('tháng 3/2021');
    await panel.selectOption('select[name="period-kind"]', 'quarter');
    await expect.poll(shown).toBe('2021-Q1');
    await panel.selectOption('select[name="period-kind"]', 'year');
    await expect.poll(shown).toBe('2021');
    expect(await panel.locator('select[name="period-index"]').count()).toBe(0);
    await panel.selectOption('select[name="period-kind"]', 'month');
    await expect.poll(shown).toBe('2021-12');
    await panel.click('button[data-action="current-period"]');
    await expect.poll(shown).toBe(month.id);
  });
});
