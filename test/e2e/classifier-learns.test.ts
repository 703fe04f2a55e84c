import { type ItemRecord, localIsoDate } from '@gom/shared';
import { describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';
import { askBackground, readLocalItem, writeLocalRecords } from './support';

const e2e = setUpE2e({ page: 'sidepanel.html' });

// No built-in rule places these: where they go is what the officer teaches.
const FIRST = 'Rà soát danh mục thiết bị phòng họp trực tuyến của Sở';
const SIMILAR = 'Rà soát danh mục thiết bị phòng họp trực tuyến tầng 2';
const TYPED = 'Rà soát thiết bị phòng họp trực tuyến quý IV';

async function categoryOf(itemId: string): Promise<unknown> {
  return (await readLocalItem(e2e.page, itemId))?.fields.category;
}

describe("the unit's classifier", () => {
  it('follows a correction made in the side panel: the next similar clip, and quick capture, suggest it', async () => {
    const first = await askBackground<{ ok: true; itemId: string }>(e2e.page, { type: 'clip', text: FIRST });
    expect(await categoryOf(first.itemId)).toBe('other');
    const before = await askBackground<{ ok: true; itemId: string }>(e2e.page, { type: 'clip', text: SIMILAR });
    expect(await categoryOf(before.itemId)).toBe('other');

    // The officer moves the first clip to the section where it belongs, with the row's own control.
    const row = e2e.page.locator(`[data-item-id="${first.itemId}"]`);
    await row.locator('[data-role="item-text"]').focus();
    await row.locator('select[name="move-to"]').selectOption('office_admin');
    await expect.poll(() => categoryOf(first.itemId)).toBe('office_admin');
    await expect
      .poll(() => e2e.page.locator('section[data-role="section"]', { has: row }).locator('h3').textContent())
      .toMatch(/Công tác văn phòng/);

    // A clip like it, made through the context menu's path, now goes where she put the first.
    const after = await askBackground<{ ok: true; itemId: string }>(e2e.page, { type: 'clip', text: SIMILAR });
    expect(await categoryOf(after.itemId)).toBe('office_admin');
    // The earlier clip keeps its suggestion until someone moves it: a correction is not retroactive.
    expect(await categoryOf(before.itemId)).toBe('other');

    // Quick capture's first suggestion follows it too.
    const capture = await e2e.browser.openExtensionPage('popup.html');
    await capture.fill('textarea[name="text"]', TYPED);
    await expect
      .poll(() => capture.locator('[data-role="suggestion"]').first().getAttribute('data-category'))
      .toBe('office_admin');
    await capture.close();
  });

  it('places an item without a category (pulled from an older client) where the taught model says', async () => {
    const now = new Date();
    const fields = {
      text: 'Rà soát danh mục thiết bị phòng họp trực tuyến tầng 3',
      occurredOn: localIsoDate(now),
      kind: 'result' as const,
      rank: now.getTime(),
      createdAt: now.toISOString(),
    };
    const clock = `${now.getTime()}-0000-olderclient`;
    const record: ItemRecord = {
      id: crypto.randomUUID(),
      authorId: null,
      fields,
      clocks: Object.fromEntries(Object.keys(fields).map((key) => [key, clock])),
    };
    // Written as an older client's pull left it: no category, and its listing row with none.
    await writeLocalRecords(e2e.page, [record]);
    await e2e.page.reload();
    const row = e2e.page.locator(`[data-item-id="${record.id}"]`);
    await expect
      .poll(() => e2e.page.locator('section[data-role="section"]', { has: row }).locator('h3').textContent())
      .toMatch(/Công tác văn phòng/);
  });

  it('learns from a category picked in quick capture', async () => {
    const text = 'Bảo dưỡng máy phát điện dự phòng của trụ sở';
    const capture = await e2e.browser.openExtensionPage('popup.html');
    await capture.fill('textarea[name="text"]', text);
    await expect
      .poll(() => capture.locator('[data-role="suggestion"]').first().getAttribute('data-category'))
      .not.toBe('translation_services_tthc');
    await capture.locator('select[name="category"]').selectOption('translation_services_tthc');
    const closed = capture.waitForEvent('close');
    await capture.locator('button[data-action="save"]').click();
    await closed;

    const again = await askBackground<{ ok: true; itemId: string }>(e2e.page, {
      type: 'clip',
      text: 'Bảo dưỡng máy phát điện dự phòng tháng 12',
    });
    expect(await categoryOf(again.itemId)).toBe('translation_services_tthc');
  });
});
