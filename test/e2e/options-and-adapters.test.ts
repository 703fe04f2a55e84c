import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';
import { askBackground, extensionDir } from './support';

const e2e = setUpE2e({ fixtures: true, page: 'options.html' });

const voffice = {
  id: 'voffice-outgoing',
  name: 'VOffice — văn bản đi',
  hostPattern: '*.voffice.vn',
  kind: 'list',
  direction: 'outgoing',
  detect: '.ds-van-ban .vb',
  rows: '.ds-van-ban .vb',
  fields: {
    reference: { attribute: 'data-so' },
    issuedOn: { attribute: 'data-ngay' },
    type: { selector: '.loai' },
    summary: { selector: '.noi-dung' },
    recipients: { selector: '.gui' },
  },
};

describe('the page reader', () => {
  it('is injected only on demand and stays within its budget of 15 KB gzipped', () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.permissions).toEqual(['contextMenus', 'storage', 'alarms', 'activeTab', 'scripting', 'sidePanel']);
    // The test build alone reaches the loopback fixture server without a gesture; the Gom server's
    // origin is asked for at run time.
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    const gzipped = gzipSync(readFileSync(join(extensionDir, 'read-page.js'))).length;
    expect(gzipped).toBeLessThanOrEqual(15 * 1024);
  });
});

describe('the options page', () => {
  it("shows every error of an invalid adapter, then reads a unit's own document system with a valid one", async () => {
    const options = e2e.page;
    const field = options.locator('textarea[name="siteAdapters"]');
    await field.fill(JSON.stringify([{ ...voffice, id: 'VOffice', rows: undefined }]));
    await options.click('button[data-action="save-site-adapters"]');
    const errors = options.locator('[data-role="site-adapters-errors"] li');
    await expect
      .poll(() => errors.allTextContents())
      .toEqual([expect.stringMatching(/^0\.id: /), expect.stringMatching(/^0\.rows: A list adapter needs `rows`/)]);

    const { page: list, tabId } = await e2e.openFixture('voffice-danh-sach-van-ban-di.html');
    // Without the unit's adapter the generic reader already lists the page's documents.
    const generic = e2e.browser.waitForExtensionPage('gather.html');
    expect(await askBackground(options, { type: 'gather', tabId })).toMatchObject({ ok: true });
    await (await generic).close();

    await field.fill(JSON.stringify([voffice], null, 2));
    await options.click('button[data-action="save-site-adapters"]');
    await expect
      .poll(() => options.locator('[data-role="site-adapters-status"]').textContent())
      .toBe('Đã lưu 1 mẫu nhận dạng.');

    const opened = e2e.browser.waitForExtensionPage('gather.html');
    expect(await askBackground(options, { type: 'gather', tabId })).toMatchObject({ ok: true });
    const review = await opened;
    await expect
      .poll(() => review.locator('[data-role="proposal"] [data-role="text"]').allTextContents())
      .toEqual([
        'Văn bản gửi các cơ quan, đơn vị liên quan về việc góp ý dự thảo Quy chế phối hợp quản lý người nước ngoài.',
        'Tham mưu UBND tỉnh cử đoàn cán bộ đi công tác tại Lào.',
      ]);
    await review.close();
    await list.close();

    await options.reload();
    expect(JSON.parse(await options.locator('textarea[name="siteAdapters"]').inputValue())).toEqual([voffice]);
  });

  it('shows the quick-capture shortcut', async () => {
    expect(await e2e.page.locator('[data-role="shortcut-keys"]').textContent()).toBe('Alt+Shift+G');
  });
});
