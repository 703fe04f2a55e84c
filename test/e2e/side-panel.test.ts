import { dayMonthYear, localIsoDate } from '@gom/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';
import { askBackground, readLocalItem } from './support';

const e2e = setUpE2e({ page: 'sidepanel.html' });
let panel: Page;
const ids: Record<string, string> = {};

const TEXTS = {
  conference: 'Tham mưu UBND tỉnh tổ chức Hội nghị xúc tiến đầu tư vào tỉnh',
  draft: 'Xây dựng Kế hoạch hợp tác với tỉnh Khăm Muộn',
  visit: 'Đón tiếp Đoàn công tác Đại sứ quán Lào đến thăm, làm việc tại tỉnh',
};

beforeAll(async () => {
  panel = e2e.page;
  for (const [key, text] of Object.entries(TEXTS)) {
    const reply = await askBackground<{ ok: true; itemId: string }>(panel, { type: 'clip', text });
    ids[key] = reply.itemId;
  }
});

const row = (key: string) => panel.locator(`[data-item-id="${ids[key]}"]`);
async function fields(key: string) {
  return (await readLocalItem(panel, ids[key]!))?.fields;
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

  it('drags an item into another section, before the item it is dropped on', async () => {
    const draft = `${TEXTS.draft} năm 2027`;
    expect(await sectionOf('conference')).toEqual([TEXTS.conference, TEXTS.visit]);
    await row('draft').dragTo(row('conference'), { targetPosition: { x: 20, y: 2 } });
    await expect.poll(() => sectionOf('draft')).toEqual([draft, TEXTS.conference, TEXTS.visit]);
    expect(await fields('draft')).toMatchObject({ category: 'office_admin', categorySource: 'user' });
    // Within the section: dropped on the lower half of the last row, it goes after it.
    const box = await row('visit').boundingBox();
    await row('draft').dragTo(row('visit'), { targetPosition: { x: 20, y: (box?.height ?? 10) - 2 } });
    await expect.poll(() => sectionOf('draft')).toEqual([TEXTS.conference, TEXTS.visit, draft]);
  });

  it('filters by author and by date', async () => {
    const shown = () => panel.locator('[data-role="item-text"]').allTextContents();
    // Not synced yet: every item was written here, by this officer.
    await panel.locator('select[name="author-filter"]').selectOption('others');
    await expect.poll(() => panel.locator('[data-role="empty"]').textContent()).toBe('Không có mục nào khớp');
    await panel.locator('select[name="author-filter"]').selectOption('mine');
    await expect.poll(async () => (await shown()).length).toBe(3);
    const today = localIsoDate(new Date());
    const dayBefore = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await panel.locator('input[name="from-date"]').fill(dayMonthYear(today));
    await expect.poll(async () => (await shown()).length).toBe(3);
    await panel.locator('input[name="to-date"]').fill(dayMonthYear(dayBefore));
    await expect.poll(() => panel.locator('[data-role="empty"]').count()).toBe(1);
    await panel.locator('input[name="to-date"]').fill('');
    await panel.locator('input[name="from-date"]').fill('');
    await panel.locator('select[name="author-filter"]').selectOption('');
    await expect.poll(async () => (await shown()).length).toBe(3);
  });

  it("copies the period's report as plain text in the samples' style", async () => {
    // Chromium refuses to grant clipboard reading to an extension's origin: the page's own
    // writeText is watched instead, and still does the writing (the status says it succeeded).
    await panel.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (data: string) => {
        (globalThis as unknown as { copied: string }).copied = data;
        return write(data);
      };
    });
    await panel.bringToFront();
    await panel.locator('button[data-action="copy-text"]').click();
    await expect
      .poll(() => panel.locator('[data-role="status"]').textContent())
      .toBe('Đã sao chép báo cáo dạng văn bản, dán vào nơi cần dùng.');
    const text = await panel.evaluate(() => (globalThis as unknown as { copied: string }).copied);
    // Paragraphs apart as in the samples: a blank line between two.
    const lines = text.split('\n').filter((line) => line !== '');
    expect(lines).toContain('BÁO CÁO');
    expect(lines.at(-1)).toBe('PHÓ GIÁM ĐỐC');
    const heading = lines.findIndex((line) => /^\d\. Công tác văn phòng/.test(line));
    expect(heading).toBeGreaterThan(lines.indexOf('I. KẾT QUẢ THỰC HIỆN'));
    expect(lines.slice(heading + 1, heading + 4)).toEqual([
      // Each bullet closes with a full stop, although the officer clipped none.
      `- ${TEXTS.conference}.`,
      `- ${TEXTS.visit}.`,
      `- ${TEXTS.draft} năm 2027.`,
    ]);
    expect(text).not.toMatch(/<[a-z]/i);
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
