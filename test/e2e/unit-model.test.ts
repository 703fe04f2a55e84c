import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { connectToServer, setUpE2e } from './harness';
import { addUser, askBackground, type ExtensionBrowser, launchWithExtension, readLocalItem } from './support';

const e2e = setUpE2e({ server: { role: 'member' } });

// The built-in knowledge does not place these in office work: that they go there is what the unit teaches.
const CORRECTED = 'Rà soát danh mục thiết bị phòng họp trực tuyến của Sở';
const CLOSE = 'Rà soát danh mục thiết bị phòng họp trực tuyến tầng 2';

let second: ExtensionBrowser | undefined;
afterAll(async () => {
  await second?.close();
});

async function categoryOf(page: Page, itemId: string): Promise<unknown> {
  return (await readLocalItem(page, itemId))?.fields.category;
}

async function connected(browser: ExtensionBrowser, token: string): Promise<Page> {
  const options = await browser.openExtensionPage('options.html');
  await connectToServer(options, e2e.server, token);
  await options.close();
  return browser.openExtensionPage('sidepanel.html');
}

describe('one brain per unit', () => {
  it('suggests, offline, where another officer of the unit put a text like it', async () => {
    // Officer A corrects a clip's category in her side panel, and syncs.
    const panelA = await connected(e2e.browser, e2e.server.token);
    const clip = await askBackground<{ ok: true; itemId: string }>(panelA, { type: 'clip', text: CORRECTED });
    expect(await categoryOf(panelA, clip.itemId)).not.toBe('office_admin');
    const row = panelA.locator(`[data-item-id="${clip.itemId}"]`);
    await row.locator('[data-role="item-text"]').focus();
    await row.locator('select[name="move-to"]').selectOption('office_admin');
    await expect.poll(() => categoryOf(panelA, clip.itemId)).toBe('office_admin');
    await askBackground(panelA, { type: 'sync', immediate: true });

    // Officer B, in a browser of her own, syncs once; then the server goes away.
    second = await launchWithExtension();
    const panelB = await connected(second, addUser(e2e.server.dbPath, 'Đồng nghiệp', 'member'));
    await askBackground(panelB, { type: 'sync', immediate: true });
    await e2e.server.stop();

    // Offline, her suggestion for a close text follows A's correction: in quick capture, and for a clip.
    const capture = await second.openExtensionPage('popup.html');
    await capture.fill('textarea[name="text"]', CLOSE);
    await expect
      .poll(() => capture.locator('[data-role="suggestion"]').first().getAttribute('data-category'))
      .toBe('office_admin');
    await capture.close();
    const offline = await askBackground<{ ok: true; itemId: string }>(panelB, { type: 'clip', text: CLOSE });
    expect(await categoryOf(panelB, offline.itemId)).toBe('office_admin');
  });
});
