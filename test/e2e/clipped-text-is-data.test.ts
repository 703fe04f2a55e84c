import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';
import { askBackground, selectText } from './support';

const e2e = setUpE2e({ fixtures: true, page: 'options.html' });
let listPage: Page;
let tabId: number;

const IMG = `<img src=x onerror="window.gomPwned='img'">`;
const SCRIPT = `<script>window.gomPwned='script'</script>`;
const PAYLOAD = `Góp ý dự thảo ${IMG} và ${SCRIPT} của Sở Tư pháp`;

beforeAll(async () => {
  ({ page: listPage, tabId } = await e2e.openFixture('vnpt-ioffice-trich-yeu-doc-hai.html'));
});

/** What would show that the markup ran: the flag its handlers set, or an element made from it. */
function ranIn(page: Page) {
  return page.evaluate(() => ({
    flag: (window as unknown as { gomPwned?: string }).gomPwned ?? null,
    images: document.querySelectorAll('img').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('gomPwned')).length,
  }));
}
const nothingRan = { flag: null, images: 0, scripts: 0 };

describe('clipped text and page metadata are rendered as text only', () => {
  it('the fixture page itself shows the markup as text', async () => {
    expect(await selectText(listPage, '#doan-doc-hai')).toBe(PAYLOAD);
    expect(await ranIn(listPage)).toEqual(nothingRan);
  });

  it('in the side panel', async () => {
    const clipped = await askBackground<{ ok: boolean; itemId: string }>(e2e.page, {
      type: 'clip',
      text: PAYLOAD,
      url: listPage.url(),
      title: await listPage.title(),
    });
    expect(clipped.ok).toBe(true);
    const panel = await e2e.browser.openExtensionPage('sidepanel.html');
    const row = panel.locator(`[data-item-id="${clipped.itemId}"]`);
    await expect.poll(() => row.textContent()).toBe(PAYLOAD);
    expect(await ranIn(panel)).toEqual(nothingRan);
    await panel.close();
  });

  it('in quick capture', async () => {
    expect(await selectText(listPage, '#doan-doc-hai')).toBe(PAYLOAD);
    const opened = e2e.browser.waitForExtensionPage('popup.html');
    await askBackground(e2e.page, { type: 'quick-capture', tabId });
    const form = await opened;
    const text = form.locator('textarea[name="text"]');
    await expect.poll(() => text.inputValue()).toBe(PAYLOAD);
    expect(await ranIn(form)).toEqual(nothingRan);
    await form.close();
  });

  it('in the gather review, where the trích yếu of each row is shown', async () => {
    const opened = e2e.browser.waitForExtensionPage('gather.html');
    await askBackground(e2e.page, { type: 'gather', tabId });
    const review = await opened;
    const texts = review.locator('[data-role="proposal"] [data-role="text"]');
    await expect
      .poll(() => texts.allTextContents())
      .toEqual([
        `Văn bản gửi các cơ quan, đơn vị liên quan về việc thử ${IMG} trong trích yếu.`,
        `Văn bản gửi các cơ quan, đơn vị liên quan về việc thử ${SCRIPT} trong trích yếu.`,
      ]);
    expect(await review.locator('[data-role="intro"]').textContent()).toContain(
      `<img src=x onerror="window.gomPwned='title'">`,
    );
    expect(await ranIn(review)).toEqual(nothingRan);
    await review.close();
  });
});
