import { type ItemRecord, localIsoDate } from '@gom/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';
import { writeLocalRecords } from './support';

const e2e = setUpE2e();
let panel: Page;
const COUNT = 600;

beforeAll(async () => {
  // Opened first so that Dexie creates the database with the extension's own schema.
  const seeder = await e2e.browser.openExtensionPage('sidepanel.html');
  await seeder.waitForSelector('[data-role="empty"]');
  const today = localIsoDate(new Date());
  const records: ItemRecord[] = Array.from({ length: COUNT }, (_, i) => {
    const fields = {
      text: `Việc số ${i + 1} của kỳ`,
      kind: 'result' as const,
      category: 'office_admin',
      categorySource: 'user' as const,
      occurredOn: today,
      rank: i,
      createdAt: `${today}T01:00:00.000Z`,
    };
    const clock = `${Date.now()}-0000-e2eseeder`;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      fields,
      clocks: Object.fromEntries(Object.keys(fields).map((key) => [key, clock])),
    };
  });
  await writeLocalRecords(seeder, records);
  await seeder.close();
  panel = await e2e.browser.openExtensionPage('sidepanel.html');
});

const rows = () => panel.locator('[data-item-id]').count();

describe('a long period in the side panel', () => {
  it('shows the first screen at once and every row as the officer scrolls to it', async () => {
    await expect.poll(() => panel.locator('[data-role="list"]').getAttribute('data-count')).toBe(String(COUNT));
    const first = await rows();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(COUNT);
    const last = panel.locator('[data-role="item-text"]', { hasText: `Việc số ${COUNT} của kỳ` });
    expect(await last.count()).toBe(0);
    // Scrolled down a screen at a time, as a wheel would: each block renders as it comes near.
    await expect
      .poll(
        async () => {
          await panel.mouse.wheel(0, 3000);
          return last.count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    await expect.poll(rows).toBe(COUNT);
  });

  it('finds an item far down the list by search', async () => {
    await panel.reload();
    await panel.fill('input[name="search"]', `số ${COUNT - 1} của`);
    await expect
      .poll(() => panel.locator('[data-role="item-text"]').allTextContents())
      .toEqual([`Việc số ${COUNT - 1} của kỳ`]);
  });
});
