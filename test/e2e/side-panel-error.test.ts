import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support';

const profile = mkdtempSync(join(tmpdir(), 'gom-chromium-'));
let browser: ExtensionBrowser | undefined;
afterAll(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('the side panel when its items cannot be read', () => {
  it('says so, in words, instead of loading for ever', async () => {
    browser = await launchWithExtension(profile);
    const first = await browser.openExtensionPage('sidepanel.html');
    await first.locator('text=Chưa có mục nào trong kỳ này').waitFor();
    await browser.close();
    // The profile's store of the extension's database broken on disk, as a crash or a full disk
    // can leave it: Chromium cannot open it.
    const stores = join(profile, 'Default', 'IndexedDB');
    const store = readdirSync(stores).find((name) => name.includes(browser!.extensionId));
    expect(store).toBeDefined();
    rmSync(join(stores, store!), { recursive: true });
    writeFileSync(join(stores, store!), 'not a database');
    browser = await launchWithExtension(profile);
    const panel = await browser.openExtensionPage('sidepanel.html');
    const error = panel.locator('[data-role="list-error"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(
      /^Không đọc được các mục đã lưu trong trình duyệt này: Trình duyệt không mở được kho dữ liệu của Gom trên máy này\. \(.*backing store.*\)\. Gom không xoá gì; hãy khởi động lại trình duyệt\./s,
    );
    expect(await panel.locator('text=Đang tải…').count()).toBe(0);
    // A clip sent meanwhile is not taken for saved: the background answers why it was not.
    const reply = await panel.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'clip', text: 'Văn bản số 12/SNgV-VP', url: null, title: null }),
    );
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Trình duyệt không mở được kho dữ liệu của Gom trên máy này\./),
    });
  });
});
