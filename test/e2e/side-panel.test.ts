import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askBackground, type ExtensionBrowser, launchWithExtension, readLocalItems } from './support';

let browser: ExtensionBrowser;
let panel: Page;
const ids: Record<string, string> = {};

const TEXTS = {
  conference: 'Tham mưu UBND tỉnh tổ chức Hội nghị xúc tiến đầu tư vào tỉnh',
  draft: 'Góp ý dự thảo Kế hoạch hợp tác với tỉnh Khăm Muộn',
  visit: 'Đón tiếp Đoàn công tác Đại sứ quán Lào đến thăm, làm việc tại tỉnh',
};

beforeAll(async () => {
  browser = await launchWithExtension();
  panel = await browser.openExtensionPage('sidepanel.html');
  for (const [key, text] of Object.entries(TEXTS)) {
    const reply = await askBackground<{ ok: true; itemId: string }>(panel, { type: 'clip', text });
    ids[key] = reply.itemId;
  }
});
afterAll(async () => {
  await browser?.close();
});

const row = (key: string) => panel.locator(`[data-item-id="${ids[key]}"]`);
async function fields(key: string) {
  return (await readLocalItems(panel)).items.find((item) => item.id === ids[key])?.fields;
}
/** Waits until the text editor has the keyboard, as an officer would see the caret before typing. */
async function editorFocused(): Promise<void> {
  await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('item-text');
}

/** The texts of the section holding an item, in shown order. */
function sectionOf(key: string) {
  return panel
    .locator('section[data-role="section"]', { has: row(key) })
    .locator('[data-role="item-text"]')
    .allTextContents();
}

describe('the side panel', () => {
  it('edits an item in place by keyboard: Enter edits, Enter saves, Esc cancels', async () => {
    await expect.poll(() => row('draft').textContent()).toContain(TEXTS.draft);
    await row('draft').locator('[data-role="item-text"]').focus();
    await panel.keyboard.press('Enter');
    const editor = row('draft').locator('textarea[name="item-text"]');
    await expect.poll(() => editor.inputValue()).toBe(TEXTS.draft);
    await editorFocused();
    await panel.keyboard.press('End');
    await panel.keyboard.type(' năm 2027');
    await panel.keyboard.press('Enter');
    await expect.poll(async () => (await fields('draft'))?.text).toBe(`${TEXTS.draft} năm 2027`);
    await expect
      .poll(() => row('draft').locator('[data-role="item-text"]').textContent())
      .toBe(`${TEXTS.draft} năm 2027`);

    await row('draft').locator('[data-role="item-text"]').focus();
    await panel.keyboard.press('Enter');
    await editorFocused();
    await panel.keyboard.type(' bỏ đi');
    await panel.keyboard.press('Escape');
    await expect.poll(() => row('draft').locator('textarea').count()).toBe(0);
    expect((await fields('draft'))?.text).toBe(`${TEXTS.draft} năm 2027`);
  });

  it('moves an item to another section, and up and down its section', async () => {
    await row('conference').click();
    await row('conference').locator('select[name="move-to"]').selectOption('office_admin');
    await expect.poll(async () => (await fields('conference'))?.category).toBe('office_admin');
    expect((await fields('conference'))?.categorySource).toBe('user');
    await expect
      .poll(() =>
        panel
          .locator('section[data-role="section"]', { has: row('conference') })
          .locator('h3')
          .textContent(),
      )
      .toMatch(/Công tác văn phòng/);

    await row('visit').click();
    await row('visit').locator('select[name="move-to"]').selectOption('office_admin');
    await expect.poll(() => sectionOf('visit')).toEqual([TEXTS.conference, TEXTS.visit]);
    await row('visit').locator('[data-role="item-text"]').focus();
    await panel.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => sectionOf('visit')).toEqual([TEXTS.visit, TEXTS.conference]);
    await row('visit').locator('button[data-action="move-down"]').click();
    await expect.poll(() => sectionOf('visit')).toEqual([TEXTS.conference, TEXTS.visit]);
  });

  it('searches and filters by kind', async () => {
    const shown = () => panel.locator('[data-role="item-text"]').allTextContents();
    await panel.locator('input[name="search"]').fill('hội NGHỊ  xúc');
    await expect.poll(shown).toEqual([TEXTS.conference]);
    await panel.locator('input[name="search"]').fill('');
    await panel.locator('select[name="kind-filter"]').selectOption('plan');
    await expect.poll(() => panel.locator('[data-role="empty"]').textContent()).toBe('Không có mục nào khớp');
    await panel.locator('select[name="kind-filter"]').selectOption('');
    await expect.poll(async () => (await shown()).length).toBe(3);
  });

  it('deletes an item with the Delete key, and undoes it', async () => {
    await row('visit').locator('[data-role="item-text"]').focus();
    await panel.keyboard.press('Delete');
    await expect.poll(() => row('visit').count()).toBe(0);
    expect((await fields('visit'))?.deleted).toBe(true);
    expect(await panel.locator('[data-role="undo"]').textContent()).toBe(
      `Đã xoá “${TEXTS.visit.slice(0, 60)}…”. Hoàn tác`,
    );
    await panel.locator('button[data-action="undo"]').click();
    await expect.poll(() => row('visit').count()).toBe(1);
    expect((await fields('visit'))?.deleted).toBe(false);
  });
});
