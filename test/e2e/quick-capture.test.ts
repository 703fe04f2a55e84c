import { localIsoDate } from '@gom/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { quickCaptureFrom, setUpE2e } from './harness';
import { askBackground, pressToClose, readLocalItems, selectText } from './support';

const e2e = setUpE2e({ fixtures: true, page: 'options.html' });

/** The shortcut's handler, driven through the message that runs it (Playwright cannot press a browser shortcut). */
function quickCaptureOn(tabId: number): Promise<Page> {
  return quickCaptureFrom(e2e, { type: 'quick-capture', tabId });
}

const SELECTED =
  'Tham mưu UBND tỉnh ban hành Kế hoạch đón Đoàn công tác Đại sứ quán Lào tại Việt Nam và Tổng Lãnh sự quán Lào tại TP Đà Nẵng đến thăm, làm việc tại tỉnh (Tờ trình số 17/TTr-SNgV ngày 03/3/2021 của Sở Ngoại vụ).';

describe('quick capture', () => {
  it('opens on the selection from the shortcut, and saves a directive typed by keyboard alone with Enter', async () => {
    const { page, tabId } = await e2e.openFixture('vnpt-ioffice-van-ban-di.html');
    expect(await selectText(page, '#noi-dung-chinh')).toBe(SELECTED);
    const form = await quickCaptureOn(tabId);

    const text = form.locator('textarea[name="text"]');
    await expect.poll(() => text.inputValue()).toBe(SELECTED);
    expect(await form.locator('input[name="lead"]').inputValue()).toBe('Tham mưu UBND tỉnh');
    expect(await form.locator('[data-role="source-document"]').textContent()).toBe('Văn bản nguồn: 17/TTr-SNgV');
    const suggestions = form.locator('[data-role="suggestion"]');
    expect(await suggestions.count()).toBe(3);
    expect(await suggestions.first().getAttribute('aria-pressed')).toBe('true');

    // The textarea has the focus when the form opens: everything below is keys.
    await expect.poll(() => form.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('text');
    await form.keyboard.press('End');
    await form.keyboard.type(' Bổ sung');
    await form.keyboard.press('Alt+Digit2');
    const second = await suggestions.nth(1).getAttribute('data-category');
    expect(await suggestions.nth(1).getAttribute('aria-pressed')).toBe('true');

    // Tab to the kind and pick "Nhiệm vụ được giao" with the arrows.
    await form.locator('select[name="kind"]').focus();
    for (let i = 0; i < 3; i++) await form.keyboard.press('ArrowDown');
    await expect.poll(() => form.locator('select[name="kind"]').inputValue()).toBe('directive');
    // The select shows the new kind at once; its fields appear with the next render.
    await form.locator('input[name="dueOn"]').waitFor();
    await form.keyboard.press('Tab');
    expect(await form.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('dueOn');
    // A date is typed day first, whatever the browser's locale.
    await form.locator('input[name="dueOn"]').fill('31/12/2026');
    await form.locator('select[name="status"]').focus();
    await form.keyboard.press('ArrowDown');
    await expect.poll(() => form.locator('select[name="status"]').inputValue()).toBe('overdue');

    await text.focus();
    await pressToClose(form, 'Enter');

    const { items } = await readLocalItems(e2e.page);
    const item = items.find((i) => i.fields.text === `${SELECTED} Bổ sung`);
    expect(item?.fields).toMatchObject({
      kind: 'directive',
      lead: 'Tham mưu UBND tỉnh',
      category: second,
      categorySource: 'user',
      occurredOn: localIsoDate(new Date()),
      dueOn: '2026-12-31',
      status: 'overdue',
      metric: null,
      source: {
        url: page.url(),
        selection: SELECTED,
        document: { reference: '17/TTr-SNgV', type: 'Tờ trình', issuedOn: '2021-03-03' },
      },
    });
    await page.close();
  });

  it('closes with Esc and saves nothing', async () => {
    const { page, tabId } = await e2e.openFixture('vnpt-ioffice-van-ban-di.html');
    const before = await readLocalItems(e2e.page);
    const form = await quickCaptureOn(tabId);
    await pressToClose(form, 'Escape');
    expect(await readLocalItems(e2e.page)).toEqual(before);
    await page.close();
  });

  it('keeps the lead typed apart from the text: the side panel shows it and the report bullet starts with it', async () => {
    const { page, tabId } = await e2e.openFixture('trang-khong-co-van-ban.html');
    const form = await e2e.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const text = form.locator('textarea[name="text"]');
    await text.waitFor();
    await text.fill('Kế hoạch đón Đoàn công tác tỉnh Hủa Phăn sang thăm và làm việc');
    await form.locator('input[name="lead"]').fill('Tham mưu UBND tỉnh');
    await text.focus();
    await form.keyboard.press('Enter').catch(() => undefined);

    const under = 'Tham mưu UBND tỉnh: Kế hoạch đón Đoàn công tác tỉnh Hủa Phăn sang thăm và làm việc';
    await expect
      .poll(async () => (await readLocalItems(e2e.page)).items.find((i) => i.fields.text === under)?.fields.lead)
      .toBe('Tham mưu UBND tỉnh');
    const panel = await e2e.browser.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('[data-role="item-text"]', { hasText: under }).count()).toBe(1);
    const month = localIsoDate(new Date()).slice(0, 7);
    const preview = await e2e.browser.openExtensionPage(`report.html?period=${month}`);
    const bullet = preview.frameLocator('iframe[data-role="preview"]').locator('[data-bullet] [contenteditable]', {
      hasText: 'Hủa Phăn',
    });
    await expect.poll(() => bullet.textContent()).toBe(`${under}.`);
    await Promise.all([panel.close(), preview.close(), page.close()]);
  });

  it('takes a figure typed from scratch in the toolbar popup', async () => {
    const { page, tabId } = await e2e.openFixture('trang-khong-co-van-ban.html');
    // The toolbar popup reads the active tab; opened as a tab here, it is told which one.
    const form = await e2e.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const text = form.locator('textarea[name="text"]');
    await text.waitFor();
    expect(await text.inputValue()).toBe('');

    await text.focus();
    await form.keyboard.type('Biên dịch hồ sơ, tài liệu cho các cơ quan, đơn vị');
    await form.locator('select[name="kind"]').focus();
    for (let i = 0; i < 2; i++) await form.keyboard.press('ArrowDown');
    await expect.poll(() => form.locator('select[name="kind"]').inputValue()).toBe('stat');
    await form.locator('select[name="metric"]').waitFor();
    await form.keyboard.press('Tab');
    expect(await form.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('metric');
    await form.keyboard.press('ArrowDown');
    const metric = await form.locator('select[name="metric"]').inputValue();
    expect(metric).not.toBe('');
    await form.keyboard.press('Tab');
    await form.keyboard.type('1.107');

    // Enter without a value would be refused; with one, it saves. The popup closes itself once it
    // has saved, which can come before the key is released: the poll below is the check.
    await form.keyboard.press('Enter').catch(() => undefined);
    await expect
      .poll(async () => (await readLocalItems(e2e.page)).items.find((i) => i.fields.kind === 'stat')?.fields)
      .toMatchObject({
        text: 'Biên dịch hồ sơ, tài liệu cho các cơ quan, đơn vị',
        metric,
        value: 1107,
        source: { url: page.url(), selection: null, document: null },
      });
    await page.close();
  });

  it('refuses a figure without its value and says why', async () => {
    const form = await e2e.browser.openExtensionPage('popup.html?tab=999999');
    const text = form.locator('textarea[name="text"]');
    await text.waitFor();
    await text.focus();
    await form.keyboard.type('Số liệu');
    await form.locator('select[name="kind"]').selectOption('stat');
    await text.focus();
    await form.keyboard.press('Enter');
    await expect
      .poll(() => form.locator('[data-role="error"]').textContent())
      .toBe('Một số liệu cần có chỉ tiêu và số lượng.');
    await form.close();
  });

  it('warns of a clip the month already holds, from the context menu and in the form, and saves it all the same', async () => {
    const { page, tabId } = await e2e.openFixture('vnpt-ioffice-van-ban-di.html');
    // The context menu's path: saved both times, the second named as a duplicate on the toolbar button.
    const first = await askBackground(e2e.page, { type: 'clip', text: SELECTED });
    expect(first).toEqual({ ok: true, itemId: expect.any(String), duplicateOf: null });
    const second = await askBackground(e2e.page, { type: 'clip', text: SELECTED.toLowerCase() });
    expect(second).toEqual({ ok: true, itemId: expect.any(String), duplicateOf: SELECTED });

    expect(await selectText(page, '#noi-dung-chinh')).toBe(SELECTED);
    const form = await quickCaptureOn(tabId);
    const warning = form.locator('[data-role="duplicate"]');
    await expect
      .poll(() => warning.textContent())
      .toBe(`Kỳ này đã có mục giống hệt: “${SELECTED.slice(0, 80)}…”. Nếu vẫn muốn lưu, bấm “Vẫn lưu”.`);
    expect(await form.locator('button[data-action="save"]').textContent()).toBe('Vẫn lưu (Enter)');
    // Nothing is saved by the warning itself.
    const same = async () =>
      (await readLocalItems(e2e.page)).items.filter((i) => i.fields.text?.toLowerCase() === SELECTED.toLowerCase())
        .length;
    expect(await same()).toBe(2);

    // Typing it apart takes the warning away; typing it back brings it again.
    const text = form.locator('textarea[name="text"]');
    await text.focus();
    await form.keyboard.press('End');
    await form.keyboard.type(' (lần 2)');
    await expect.poll(() => warning.count()).toBe(0);
    expect(await form.locator('button[data-action="save"]').textContent()).toBe('Lưu (Enter)');
    for (let i = 0; i < ' (lần 2)'.length; i++) await form.keyboard.press('Backspace');
    await expect.poll(() => warning.count()).toBe(1);

    await pressToClose(form, 'Enter');
    expect(await same()).toBe(3);
    await page.close();
  });
});
