import { describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';
import { askBackground, readLocalItem, readLocalItems } from './support';

const e2e = setUpE2e({ fixtures: true, page: 'options.html' });

const TỜ_TRÌNH_17 =
  'Tham mưu UBND tỉnh Kế hoạch đón Đoàn công tác Đại sứ quán Lào tại Việt Nam và Tổng Lãnh sự quán Lào tại thành phố Đà Nẵng đến thăm, làm việc tại tỉnh.';

// Playwright cannot click Chromium's own context menu: the entries' handlers are driven through
// the messages that run the same functions, on the tab the menu would have been opened on.
describe('the page entries of the context menu', () => {
  it('gathers the 36 documents of the outgoing list of March 2021 and saves the ones left ticked', async () => {
    const { tabId } = await e2e.openFixture('vnpt-ioffice-danh-sach-van-ban-di.html');
    const before = (await readLocalItems(e2e.page)).items.length;

    const opened = e2e.browser.waitForExtensionPage('gather.html');
    const reply = await askBackground<{ ok: boolean; draftId: string }>(e2e.page, { type: 'gather', tabId });
    expect(reply).toEqual({ ok: true, draftId: expect.any(String) });
    const review = await opened;

    const proposals = review.locator('[data-role="proposal"]');
    await expect.poll(() => proposals.count()).toBe(36);
    const texts = await review.locator('[data-role="proposal"] [data-role="text"]').allTextContents();
    expect(texts[3]).toBe(TỜ_TRÌNH_17);
    expect(await review.locator('[data-role="keep"]:checked').count()).toBe(36);
    expect(await review.locator('[data-role="already-clipped"]').count()).toBe(0);

    // The officer unticks two rows, one by mouse and one by keyboard.
    await proposals.nth(0).locator('[data-role="keep"]').click();
    await proposals.nth(5).locator('[data-role="keep"]').focus();
    await review.keyboard.press('Space');
    const save = review.locator('button[data-action="save"]');
    await expect.poll(() => save.textContent()).toBe('Lưu 34 mục');
    await save.click();
    await expect.poll(() => review.locator('[data-role="status"]').textContent()).toBe('Đã lưu 34 mục vào Gom.');

    const { items } = await readLocalItems(e2e.page);
    expect(items).toHaveLength(before + 34);
    const saved = items.filter(
      (item) => item.fields.source?.url === `${e2e.fixtures.url}/vnpt-ioffice-danh-sach-van-ban-di.html`,
    );
    const kept = texts.filter((_, index) => index !== 0 && index !== 5);
    expect(saved.map((item) => item.fields.text).sort()).toEqual([...kept].sort());
    const tờTrình = saved.find((item) => item.fields.text === texts[3]);
    expect(tờTrình?.fields).toMatchObject({
      kind: 'result',
      lead: 'Tham mưu UBND tỉnh',
      occurredOn: '2021-03-03',
      categorySource: 'suggested',
      source: { document: { reference: '17/TTr-SNgV', type: 'Tờ trình', direction: 'outgoing' } },
    });
    await review.close();
  });

  it('clips the document a detail page shows, with its reference and summary', async () => {
    const { page, tabId } = await e2e.openFixture('vnpt-ioffice-van-ban-di.html');
    const reply = await askBackground<{ ok: boolean; itemId: string }>(e2e.page, { type: 'clip-document', tabId });
    // The list gathered above holds this tờ trình already: saved all the same, and named, as a
    // selection clip's duplicate is (the menu turns the badge amber with it).
    expect(reply).toEqual({ ok: true, itemId: expect.any(String), duplicateOf: TỜ_TRÌNH_17 });

    expect((await readLocalItem(e2e.page, reply.itemId))?.fields).toMatchObject({
      kind: 'result',
      lead: 'Tham mưu UBND tỉnh',
      text: TỜ_TRÌNH_17,
      occurredOn: '2021-03-03',
      source: {
        url: page.url(),
        title: 'Chi tiết văn bản đi - Hệ thống quản lý văn bản và điều hành',
        selection: null,
        document: {
          reference: '17/TTr-SNgV',
          type: 'Tờ trình',
          issuedOn: '2021-03-03',
          summary:
            'Tờ trình về việc ban hành Kế hoạch đón Đoàn công tác Đại sứ quán Lào tại Việt Nam và Tổng Lãnh sự quán Lào tại thành phố Đà Nẵng đến thăm, làm việc tại tỉnh',
          signer: 'Giám đốc',
        },
      },
    });
    await page.close();
  });

  it('gathers the same list again with the documents already clipped marked and left unticked', async () => {
    const { tabId } = await e2e.openFixture('vnpt-ioffice-danh-sach-van-ban-di.html');
    const opened = e2e.browser.waitForExtensionPage('gather.html');
    await askBackground(e2e.page, { type: 'gather', tabId });
    const review = await opened;
    const proposals = review.locator('[data-role="proposal"]');
    await expect.poll(() => proposals.count()).toBe(36);
    // The 34 saved by the first gathering; the two the officer unticked then are offered again.
    expect(await review.locator('[data-role="proposal"][data-clipped="true"]').count()).toBe(34);
    expect(await review.locator('[data-role="already-clipped"]').first().textContent()).toBe('Đã có trong kỳ');
    const ticked = review.locator('[data-role="proposal"]:has([data-role="keep"]:checked)');
    expect(await ticked.count()).toBe(2);
    expect(await ticked.evaluateAll((rows) => rows.every((row) => row.getAttribute('data-clipped') === 'false'))).toBe(
      true,
    );
    expect(await review.locator('button[data-action="save"]').textContent()).toBe('Lưu 2 mục');
    await review.close();
  });

  it('says so when a page shows no document, and saves nothing', async () => {
    const { page, tabId } = await e2e.openFixture('trang-khong-co-van-ban.html');
    const before = (await readLocalItems(e2e.page)).items.length;
    const reply = await askBackground(e2e.page, { type: 'clip-document', tabId });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Không nhận ra văn bản nào trên trang này/) });
    expect((await readLocalItems(e2e.page)).items).toHaveLength(before);
    await page.close();
  });
});
