import { formatHlc } from '@gom/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connectToServer, setUpE2e } from './harness';
import { addUser, askBackground, readLocalItem } from './support';

const e2e = setUpE2e({ server: { role: 'member' } });
const MINE = 'Góp ý dự thảo Kế hoạch hợp tác với tỉnh Khăm Muộn';
const THEIRS = 'Góp ý dự thảo Kế hoạch hợp tác năm 2027 với tỉnh Khăm Muộn';

/** Writes one meta value straight into the extension's IndexedDB, as the sync would have. */
function putMeta(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: k, value: v });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    [key, value] as const,
  );
}

describe('the side panel and the server’s clock', () => {
  it('shows the officer her edit a later one replaced, and restores it in one click', async () => {
    const options = await e2e.browser.openExtensionPage('options.html');
    await connectToServer(options, e2e.server);
    await options.close();
    const panel = await e2e.browser.openExtensionPage('sidepanel.html');
    const { itemId } = await askBackground<{ itemId: string }>(panel, { type: 'clip', text: 'Góp ý dự thảo Kế hoạch' });
    await askBackground(panel, { type: 'sync', immediate: true });

    // Her edit, then a colleague's of the same text from another PC, a little later.
    const row = panel.locator(`[data-item-id="${itemId}"]`);
    await row.locator('[data-role="item-text"]').click();
    await row.locator('[data-role="item-text"]').press('Enter');
    await row.locator('textarea[name="item-text"]').fill(MINE);
    await row.locator('textarea[name="item-text"]').press('Enter');
    await expect.poll(async () => (await readLocalItem(panel, itemId))?.fields.text).toBe(MINE);
    const colleague = addUser(e2e.server.dbPath, 'Đồng nghiệp', 'member');
    const pushed = await fetch(`${e2e.server.url}/v1/sync/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${colleague}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        clientId: 'colleague',
        mutations: [
          {
            mutationId: 'colleagueedit01',
            itemId,
            hlc: formatHlc({ ms: Date.now() + 60_000, counter: 0, node: 'colleague' }),
            set: { text: THEIRS },
          },
        ],
      }),
    });
    expect(pushed.status).toBe(200);

    await askBackground(panel, { type: 'sync', immediate: true });
    const notice = panel.locator('[data-role="lost-edits"]');
    await expect.poll(() => notice.textContent()).toContain(`nội dung của bạn là “${MINE}”`);
    expect((await readLocalItem(panel, itemId))?.fields.text).toBe(THEIRS);

    await notice.locator('button[data-action="restore-lost"]').click();
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(async () => (await readLocalItem(panel, itemId))?.fields.text).toBe(MINE);
    await askBackground(panel, { type: 'sync', immediate: true });
    const pulled = await fetch(`${e2e.server.url}/v1/sync/pull?since=0&limit=100`, {
      headers: { Authorization: `Bearer ${colleague}` },
    }).then((r) => r.json());
    expect(pulled.items.find((item: { id: string }) => item.id === itemId)?.fields.text).toBe(MINE);
  });

  it('tells the officer, in words, that her computer’s clock is wrong', async () => {
    const before = await e2e.browser.openExtensionPage('sidepanel.html');
    await expect.poll(() => before.locator('[data-role="last-sync"]').count()).toBe(1);
    expect(await before.locator('[data-role="clock-wrong"]').count()).toBe(0);
    // As a sync against a server two days behind this PC would have measured it (the server is
    // stopped first, so that no sync measures the true offset meanwhile).
    await e2e.server.stop();
    await putMeta(before, 'clockOffset', -(2 * 86_400_000 + 3 * 3_600_000));
    await before.close();
    const panel = await e2e.browser.openExtensionPage('sidepanel.html');
    await expect
      .poll(() => panel.locator('[data-role="clock-wrong"]').textContent())
      .toBe(
        'Đồng hồ máy tính này nhanh 2 ngày 3 giờ so với giờ máy chủ. Gom ghi ngày giờ các mục theo giờ máy chủ; hãy nhờ bộ phận CNTT chỉnh lại đồng hồ.',
      );
  });
});
