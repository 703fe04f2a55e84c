import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { extensionDir, launchChromiumWith } from './support';

const profile = mkdtempSync(join(tmpdir(), 'gom-chromium-'));
let context: BrowserContext | undefined;
afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** Starts the extension on the profile, and gives its id. */
async function start(): Promise<string> {
  context = await launchChromiumWith(extensionDir, profile);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

describe('the side panel when its items cannot be read', () => {
  it('says so, in words, instead of loading for ever', async () => {
    const id = await start();
    const first = await context!.newPage();
    await first.goto(`chrome-extension://${id}/sidepanel.html`);
    await first.locator('text=Chưa có mục nào trong kỳ này').waitFor();
    await context!.close();
    // The profile's store of the extension's database broken on disk, as a crash or a full disk
    // can leave it: Chromium cannot open it.
    const stores = join(profile, 'Default', 'IndexedDB');
    const store = readdirSync(stores).find((name) => name.includes(id));
    expect(store).toBeDefined();
    rmSync(join(stores, store!), { recursive: true });
    writeFileSync(join(stores, store!), 'not a database');
    await start();
    const panel = await context!.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
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
