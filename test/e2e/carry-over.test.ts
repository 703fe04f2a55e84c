import { dayMonthYear, localIsoDate } from '@gom/shared';
import { describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';
import { readLocalItems } from './support';

const e2e = setUpE2e({ fixtures: true });

const PLAN = 'Hoàn thiện Đề án hợp tác với tỉnh Khăm Muộn';
const CONTINUED = 'Tiếp tục hoàn thiện Đề án hợp tác với tỉnh Khăm Muộn';

describe('carrying an unfinished plan over', () => {
  it('offers the plan made for this month again, and continues it as a plan for the next month', async () => {
    const today = localIsoDate(new Date());
    const [year, month] = today.split('-').map(Number) as [number, number];
    // Written down last month without a target: a plan for this month, as the report reads it.
    const lastMonth = new Date(Date.parse(`${today.slice(0, 8)}01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const nextMonth = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;

    // The plan, typed in the quick-capture form as an officer would.
    const { page, tabId } = await e2e.openFixture('trang-khong-co-van-ban.html');
    const form = await e2e.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const text = form.locator('textarea[name="text"]');
    await text.waitFor();
    await text.fill(PLAN);
    await form.locator('select[name="kind"]').selectOption('plan');
    await form.locator('input[name="occurredOn"]').fill(dayMonthYear(lastMonth));
    await text.focus();
    await form.keyboard.press('Enter').catch(() => undefined);

    const panel = await e2e.browser.openExtensionPage('sidepanel.html');
    await expect
      .poll(async () => (await readLocalItems(panel)).items.find((i) => i.fields.text === PLAN)?.fields)
      .toMatchObject({ kind: 'plan', occurredOn: lastMonth, plannedFor: null });
    const suggestion = panel.locator('[data-role="carry-over"] li');
    await expect.poll(() => suggestion.locator('[data-role="carry-over-text"]').allTextContents()).toEqual([CONTINUED]);
    expect(await suggestion.locator('button[data-action="continue-plan"]').textContent()).toBe('Tiếp tục');
    const outboxBefore = (await readLocalItems(panel)).outbox;

    await suggestion.locator('button[data-action="continue-plan"]').click();
    await expect
      .poll(async () => (await readLocalItems(panel)).items.find((i) => i.fields.text === CONTINUED))
      .toMatchObject({ fields: { kind: 'plan', plannedFor: nextMonth, occurredOn: today, deleted: false } });
    expect((await readLocalItems(panel)).outbox).toBe(outboxBefore + 1);
    // Continued: not offered again; the new plan is listed in this month's plans part.
    await expect.poll(() => panel.locator('[data-role="carry-over"]').count()).toBe(0);
    await expect.poll(() => panel.locator('[data-role="item-text"]', { hasText: CONTINUED }).count()).toBe(1);
    await page.close();
  });
});
