import { dayMonthYear, localIsoDate } from '@gom/shared';
import { describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';
import { readLocalItems } from './support';

const e2e = setUpE2e({ fixtures: true });

const TEXT = 'Đón Đoàn công tác tỉnh Khăm Muộn sang thăm và làm việc tại tỉnh';

describe('dates in every field, whatever the browser’s locale', () => {
  it('shows and takes dates day first in a Chromium whose locale writes the month first', async () => {
    const today = localIsoDate(new Date());
    const { page, tabId } = await e2e.openFixture('trang-khong-co-van-ban.html');
    // The browser's own locale reads 7 December as 12/7/2026: what an <input type="date"> would show.
    expect(await page.evaluate(() => new Intl.DateTimeFormat().format(new Date(2026, 11, 7)))).toBe('12/7/2026');

    const form = await e2e.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const text = form.locator('textarea[name="text"]');
    await text.waitFor();
    const occurredOn = form.locator('input[name="occurredOn"]');
    await expect.poll(() => occurredOn.inputValue()).toBe(dayMonthYear(today));
    await text.fill(TEXT);
    await occurredOn.fill('31/02/2026');
    expect(await occurredOn.getAttribute('aria-invalid')).toBe('true');
    // Not a day of the calendar: Enter saves nothing, the form stays open.
    await text.focus();
    await form.keyboard.press('Enter');
    expect(form.isClosed()).toBe(false);
    expect((await readLocalItems(form)).items.some((i) => i.fields.text === TEXT)).toBe(false);
    await occurredOn.fill('7/12/2026');
    expect(await occurredOn.getAttribute('aria-invalid')).toBeNull();
    await text.focus();
    await form.keyboard.press('Enter').catch(() => undefined);

    const panel = await e2e.browser.openExtensionPage('sidepanel.html');
    await expect
      .poll(async () => (await readLocalItems(panel)).items.find((i) => i.fields.text === TEXT)?.fields.occurredOn)
      .toBe('2026-12-07');
    // The list's date filter: day first too.
    const from = panel.locator('input[name="from-date"]');
    await from.fill(dayMonthYear(today));
    expect(await from.inputValue()).toBe(dayMonthYear(today));
    expect(await from.getAttribute('aria-invalid')).toBeNull();

    const preview = await e2e.browser.openExtensionPage(`report.html?period=${today.slice(0, 7)}`);
    await expect.poll(() => preview.locator('input[name="issued-on"]').inputValue()).toBe(dayMonthYear(today));
    await page.close();
  });
});
