import { describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';
import { askBackground, readLocalItems, type StoredItem } from './support';

const e2e = setUpE2e({ fixtures: true, page: 'options.html' });

// Playwright cannot click Chromium's own context menu: the entries' handlers are driven through
// the messages that run the same functions, on the tab the menu would have been opened on.
describe('capture on pages shaped like the document systems', () => {
  it('says, in the interface’s language alone, that Gom lacks permission on a page it may not read, and how to grant it', async () => {
    // The test build may read the fixtures on 127.0.0.1 only: the same page under another host name
    // is one Gom was given no access to, as a page is before the officer's gesture.
    const tab = await e2e.browser.context.newPage();
    await tab.goto(`${e2e.fixtures.url.replace('127.0.0.1', 'localhost')}/vnpt-ioffice-van-ban-di.html`);
    await tab.bringToFront();
    // Without access to the host, the extension does not see the tab's address: the active tab it is.
    const tabId = await e2e.browser.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } };
      };
      const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return active?.id ?? -1;
    });
    const refused = await askBackground<{ ok: false; error: string }>(e2e.page, { type: 'clip-document', tabId });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/^Gom chưa được phép đọc trang này\. Hãy bấm biểu tượng Gom trên thanh công cụ/);
    expect(refused.error).not.toMatch(/trang của trình duyệt|Cannot access|permission/);
    await tab.close();
  });

  it('never saves a row without a reference and a summary when clipping "this document"', async () => {
    const before = (await readLocalItems(e2e.page)).items.length;

    const staff = await e2e.openFixture('danh-ba-can-bo-noi-nhan.html');
    const refused = await askBackground(e2e.page, { type: 'clip-document', tabId: staff.tabId });
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^Không nhận ra văn bản nào trên trang này/) });

    const list = await e2e.openFixture('vnpt-ioffice-vbdi-cot-khong-ten-lop.html');
    const gathered = e2e.browser.waitForExtensionPage('gather.html');
    const reply = await askBackground(e2e.page, { type: 'clip-document', tabId: list.tabId });
    expect(reply).toEqual({ ok: true, draftId: expect.any(String), review: 'gather' });
    const review = await gathered;
    await expect.poll(() => review.locator('[data-role="proposal"]').count()).toBe(5);
    expect(await review.locator('[data-role="proposal"] [data-role="text"]').allTextContents()).not.toContainEqual(
      expect.stringMatching(/nơi nhận/i),
    );
    await review.close();

    const items = (await readLocalItems(e2e.page)).items;
    expect(items).toHaveLength(before);
    await staff.page.close();
    await list.page.close();
  });

  it('dates gathered items by their documents, and saves the category and date the review set', async () => {
    const { page, tabId } = await e2e.openFixture('eoffice-van-ban-den-thuoc-tinh-dong.html');
    const opened = e2e.browser.waitForExtensionPage('gather.html');
    await askBackground(e2e.page, { type: 'gather', tabId });
    const review = await opened;
    const rows = review.locator('[data-role="proposal"]');
    await expect.poll(() => rows.count()).toBe(4);
    // Received documents: the day each arrived, not the day of the clip.
    expect(
      await review
        .locator('[data-role="date"]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
    ).toEqual(['15/03/2024', '13/03/2024', '11/03/2024', '08/03/2024']);
    expect(await rows.nth(0).locator('[data-role="category"] [data-role="suggestion"]').count()).toBe(3);

    await rows.nth(1).locator('[data-role="date"]').fill('14/03/2024');
    await rows.nth(1).locator('[data-role="category"]').selectOption('office_admin');
    await rows
      .nth(1)
      .locator('[data-role="edit-text"]')
      .fill('Cử công chức tham gia lớp bồi dưỡng kiến thức quốc phòng và an ninh.');
    await review.locator('button[data-action="save"]').click();
    await expect.poll(() => review.locator('[data-role="status"]').textContent()).toBe('Đã lưu 4 mục vào Gom.');

    const sourceOf = (item: StoredItem) =>
      item.fields.source as { url?: string | null; document?: { reference?: string | null } | null } | null;
    const saved = (await readLocalItems(e2e.page)).items.filter((item) =>
      sourceOf(item)?.url?.endsWith('/eoffice-van-ban-den-thuoc-tinh-dong.html'),
    );
    expect(saved.map((item) => [sourceOf(item)?.document?.reference, item.fields.occurredOn]).sort()).toEqual(
      [
        ['1043/UBND-KT', '2024-03-15'],
        ['287/SNV-CCVC', '2024-03-14'],
        ['35/KH-UBND', '2024-03-11'],
        ['612/BNG-VP', '2024-03-08'],
      ].sort(),
    );
    expect(saved.find((item) => sourceOf(item)?.document?.reference === '287/SNV-CCVC')?.fields).toMatchObject({
      text: 'Cử công chức tham gia lớp bồi dưỡng kiến thức quốc phòng và an ninh.',
      category: 'office_admin',
      categorySource: 'user',
    });
    await review.close();
    await page.close();
  });
});
