import { describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';

// Its own browser: the test leaves the extension's database unreadable.
const e2e = setUpE2e({ page: 'options.html' });

describe('the side panel when its items cannot be read', () => {
  it('says so, in words, instead of loading for ever', async () => {
    // The database left at a later version than this build knows (a newer Gom, then an older one
    // installed): the build cannot open it.
    await e2e.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gom', 100_000);
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
    );
    const panel = await e2e.browser.openExtensionPage('sidepanel.html');
    const error = panel.locator('[data-role="list-error"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^Không đọc được các mục đã lưu trong trình duyệt này: .+/);
    expect(await panel.locator('text=Đang tải…').count()).toBe(0);
    await panel.close();
  });
});
