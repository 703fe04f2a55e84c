import { encodeLegacy } from '@gom/shared/repair';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { quickCaptureFrom, setUpE2e } from './harness';
import { askBackground, pressToClose, readLocalItems, selectText } from './support';

const e2e = setUpE2e({ fixtures: true, page: 'options.html' });

// Two real lines of the report whose PDF lost l, Đ, G, ă, ã, ắ, ò, ỏ, ổ (domain notes), as the
// PDF viewer hands them over: one space for each lost glyph, the line break of the page.
const LOST = 'Tham mưu UBND tỉnh cho phép  àm việc với  oàn Ph ng  iáo dục\nrà soát v n bản quy phạm pháp  uật';
const LOST_REPAIRED = 'Tham mưu UBND tỉnh cho phép làm việc với Đoàn Phòng Giáo dục rà soát văn bản quy phạm pháp luật';
// A line of the sample reports as an old document in TCVN3 (ABC) shows it pasted as Unicode.
const SAMPLE_LINE =
  'Hội nghị trực tuyến giữa Cục trưởng Cục Ngoại vụ - Bộ Ngoại giao với Lãnh đạo các Sở Ngoại vụ cụm thi đua số 3';
// Page text may hold markup: the review shows it as text, as everything clipped.
const MARKUP = ` <img src=x onerror="document.title='xss'">`;
const TCVN3 = `${encodeLegacy(SAMPLE_LINE, 'tcvn3')}${MARKUP}`;
// A line the same PDF kept intact (domain notes).
const INTACT = 'báo cáo kết quả công tác tập huấn,bồi dưỡng về xây dựng nông thôn mới giai đoạn 2021 - 2025';

/** A fixture page showing `text` as a PDF's text layer does (spaces kept), selected. */
async function pageSelecting(text: string): Promise<{ page: Page; tabId: number }> {
  const opened = await e2e.openFixture('trang-khong-co-van-ban.html');
  await opened.page.evaluate((content) => {
    const layer = document.createElement('div');
    layer.id = 'text-layer';
    layer.style.whiteSpace = 'pre-wrap';
    layer.textContent = content;
    document.body.append(layer);
  }, text);
  expect(await selectText(opened.page, '#text-layer')).toBe(text);
  return opened;
}

const focused = (form: Page) =>
  form.evaluate(() => document.activeElement?.getAttribute('data-action') ?? document.activeElement?.id);
const marks = (form: Page) => form.locator('[data-role="repaired-text"] mark').allTextContents();

/** Enter in the text field saves and closes the window. */
async function saveWithEnter(form: Page): Promise<void> {
  expect(await focused(form)).toBe('text');
  await pressToClose(form, 'Enter');
}

async function savedText(text: string) {
  return (await readLocalItems(e2e.page)).items.find((item) => item.fields.text === text)?.fields;
}

describe('the review of a repaired clip', () => {
  it('offers the lost glyphs of a PDF put back, marked; Enter accepts and Enter saves the repaired text', async () => {
    const { page, tabId } = await pageSelecting(LOST);
    const form = await quickCaptureFrom(e2e, { type: 'quick-capture', tabId });
    const text = form.locator('textarea[name="text"]');

    // Nothing repaired yet: the field holds the clip as it came, the repair waits beside it.
    const review = form.locator('[data-role="repair-review"]');
    await review.waitFor();
    expect(await text.inputValue()).toBe(
      'Tham mưu UBND tỉnh cho phép àm việc với oàn Ph ng iáo dục rà soát v n bản quy phạm pháp uật',
    );
    expect(await form.locator('[data-role="repaired-text"]').textContent()).toBe(LOST_REPAIRED);
    expect(await marks(form)).toEqual(['l', 'Đ', 'ò', 'G', 'ă', 'l']);
    expect(await form.locator('[data-role="repair-cause"]').textContent()).toContain('chữ bị mất khi chép từ PDF');
    await expect.poll(() => focused(form)).toBe('accept-repair');

    await form.keyboard.press('Enter');
    await expect.poll(() => text.inputValue()).toBe(LOST_REPAIRED);
    // The marks stay for her to check the letters while she edits; the original is one button away.
    expect(await marks(form)).toEqual(['l', 'Đ', 'ò', 'G', 'ă', 'l']);
    expect(await form.locator('button[data-action="restore-original"]').count()).toBe(1);
    expect(await form.locator('input[name="lead"]').inputValue()).toBe('Tham mưu UBND tỉnh');

    await saveWithEnter(form);
    await expect
      .poll(() => savedText(LOST_REPAIRED))
      .toMatchObject({ lead: 'Tham mưu UBND tỉnh', source: { url: page.url(), selection: LOST } });
    await page.close();
  });

  it('sends a TCVN3 clip from the context menu to review instead of saving it, and saves it converted', async () => {
    const before = (await readLocalItems(e2e.page)).items.length;
    const form = await quickCaptureFrom(e2e, { type: 'clip', text: TCVN3, url: 'https://vanban.example/cu.pdf' });
    expect((await readLocalItems(e2e.page)).items).toHaveLength(before);

    await form.locator('[data-role="repair-review"]').waitFor();
    expect(await form.locator('textarea[name="text"]').inputValue()).toBe(TCVN3);
    expect(await form.locator('[data-role="repaired-text"]').textContent()).toBe(`${SAMPLE_LINE}${MARKUP}`);
    expect(await marks(form)).toContain('Ngoại');
    expect(await form.locator('[data-role="repaired-text"] :not(mark)').count()).toBe(0);
    expect(await form.locator('[data-role="repair-cause"]').textContent()).toContain('TCVN3 (ABC)');

    await expect.poll(() => focused(form)).toBe('accept-repair');
    await form.keyboard.press('Enter');
    await expect.poll(() => form.locator('textarea[name="text"]').inputValue()).toBe(`${SAMPLE_LINE}${MARKUP}`);
    expect(await form.title()).toBe('Gom');
    await saveWithEnter(form);
    await expect
      .poll(() => savedText(`${SAMPLE_LINE}${MARKUP}`))
      .toMatchObject({ source: { url: 'https://vanban.example/cu.pdf', selection: TCVN3 } });
  });

  it('does not drop a context-menu clip held for review at the first Esc: it says so, and Enter still saves it', async () => {
    const line = 'Tiếp và làm việc với Đoàn công tác tỉnh Savannakhet';
    const clip = { type: 'clip', text: encodeLegacy(line, 'tcvn3'), url: 'https://vanban.example/tiep.pdf' };
    const before = (await readLocalItems(e2e.page)).items.length;
    const form = await quickCaptureFrom(e2e, clip);
    await expect.poll(() => focused(form)).toBe('accept-repair');
    await form.keyboard.press('Escape');
    await form.locator('[data-role="unsaved-clip"]').waitFor();
    expect(await form.locator('[data-role="unsaved-clip"]').textContent()).toContain('chưa được lưu');
    expect(form.isClosed()).toBe(false);
    await form.keyboard.press('Enter');
    await expect.poll(() => form.locator('textarea[name="text"]').inputValue()).toBe(line);
    await saveWithEnter(form);
    await expect.poll(() => savedText(line)).toMatchObject({ source: { url: clip.url, selection: clip.text } });

    // Asked twice, the officer means it: the second Esc closes the form and nothing is saved.
    const again = await quickCaptureFrom(e2e, { ...clip, url: 'https://vanban.example/lan-hai.pdf' });
    await again.keyboard.press('Escape');
    await again.locator('[data-role="unsaved-clip"]').waitFor();
    await pressToClose(again, 'Escape');
    expect((await readLocalItems(e2e.page)).items).toHaveLength(before + 1);
  });

  it('keeps the original when the officer says so: nothing is repaired behind her back', async () => {
    const { page, tabId } = await pageSelecting(LOST);
    const form = await quickCaptureFrom(e2e, { type: 'quick-capture', tabId });
    await expect.poll(() => focused(form)).toBe('accept-repair');
    await form.keyboard.press('Tab');
    expect(await focused(form)).toBe('keep-original');
    await form.keyboard.press('Enter');
    await expect.poll(() => form.locator('[data-role="repair-review"]').count()).toBe(0);
    await expect.poll(() => focused(form)).toBe('text');
    const original = await form.locator('textarea[name="text"]').inputValue();
    expect(original).toContain('cho phép àm việc với oàn Ph ng iáo dục');
    await saveWithEnter(form);
    await expect.poll(() => savedText(original)).toMatchObject({ source: { selection: LOST } });
    await page.close();
  });

  it('shows no review for a clean selection, and the context menu saves it at once', async () => {
    const { page, tabId } = await pageSelecting(INTACT);
    const form = await quickCaptureFrom(e2e, { type: 'quick-capture', tabId });
    const text = form.locator('textarea[name="text"]');
    await expect
      .poll(() => text.inputValue())
      .toBe('báo cáo kết quả công tác tập huấn, bồi dưỡng về xây dựng nông thôn mới giai đoạn 2021 - 2025');
    await expect.poll(() => focused(form)).toBe('text');
    expect(await form.locator('[data-role="repair-review"]').count()).toBe(0);
    await form.close();

    const clipped = await askBackground(e2e.page, { type: 'clip', text: INTACT });
    expect(clipped).toEqual({ ok: true, itemId: expect.any(String), duplicateOf: null });
    await page.close();
  });
});
