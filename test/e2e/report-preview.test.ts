import { dataReach, dayMonthYear, headerDate, localIsoDate, parsePeriod, periodTitle } from '@gom/shared';
import type { FrameLocator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';
import { askBackground, downloadBy, downloadedParagraphs } from './support';

const e2e = setUpE2e();
let preview: Page;
let frame: FrameLocator;

const month = parsePeriod(localIsoDate(new Date()).slice(0, 7));
const MIA =
  'Tổ chức làm việc với Đoàn tiền trạm vụ 1148 (Đội MIA Trung ương) để chuẩn bị cho Đợt hoạt động tại Hà Tĩnh.';
const FOLLOW =
  'Thường xuyên liên hệ, phối hợp Đội MIA TW và Đội MIA tỉnh nắm bắt thông tin về đợt triển khai hoạt động';
const PASSPORTS = 'Cấp hộ chiếu công vụ cho 03 cán bộ đi công tác tại Lào.';

beforeAll(async () => {
  const page = await e2e.browser.openExtensionPage('sidepanel.html');
  for (const text of [MIA, FOLLOW, PASSPORTS]) {
    expect(await askBackground(page, { type: 'clip', text })).toMatchObject({ ok: true });
  }
  await page.close();
  preview = await e2e.browser.openExtensionPage(`report.html?period=${month.id}`);
  frame = preview.frameLocator('iframe[data-role="preview"]');
});

const bullet = (hasText: string) => frame.locator('[data-bullet] [contenteditable]', { hasText });
const opening = () => frame.locator('p.body', { hasText: 'như sau:' }).textContent();

describe('the report preview', () => {
  it('dates the report on the day the officer chooses, and keeps her edits when she changes it', async () => {
    await expect.poll(() => bullet('Cấp hộ chiếu').count()).toBe(1);
    // The heading names the period as the report does, not by its id.
    expect(await preview.locator('[data-role="report-title"]').textContent()).toBe(`Báo cáo ${periodTitle(month)}`);
    await bullet('Cấp hộ chiếu').fill('Cấp hộ chiếu công vụ cho 03 cán bộ (đã sửa).');

    const early = `${month.id}-10`;
    await preview.fill('input[name="issued-on"]', dayMonthYear(early));
    await expect.poll(() => frame.getByText(headerDate('Hà Tĩnh', early)).count()).toBe(1);
    // No plans: the opening promises none and ends on the period.
    expect(await opening()).toContain(`báo cáo kết quả công tác đối ngoại ${dataReach(month, early)} như sau:`);
    expect(await bullet('Cấp hộ chiếu').textContent()).toBe('Cấp hộ chiếu công vụ cho 03 cán bộ (đã sửa).');

    await preview.fill('input[name="issued-on"]', dayMonthYear(month.to));
    await expect.poll(() => frame.getByText(headerDate('Hà Tĩnh', month.to)).count()).toBe(1);
    expect(await opening()).toContain(`báo cáo kết quả công tác đối ngoại ${periodTitle(month)} như sau:`);
  });

  it('joins a bullet with the next one as the officer chooses, and refuses the last of a section', async () => {
    await bullet('Cấp hộ chiếu').click();
    await preview.click('button[data-action="join-clause"]');
    await expect
      .poll(() => preview.locator('[data-role="status"]').textContent())
      .toBe(
        'Không nối được: gạch đầu dòng này là gạch cuối của mục, đã bị xoá hết chữ, hoặc có chú thích ở chân trang.',
      );

    await bullet('Đoàn tiền trạm').click();
    await preview.click('button[data-action="join-sentence"]');
    const joined = `${MIA.slice(0, -1)}. ${FOLLOW}.`;
    await expect.poll(() => bullet('Đoàn tiền trạm').textContent()).toBe(joined);
    expect(await bullet('Thường xuyên').count()).toBe(1);
    expect(await preview.locator('[data-role="status"]').count()).toBe(0);

    const lines = await downloadedParagraphs(await downloadBy(preview, 'button[data-action="export-docx"]'));
    expect(lines).toContain(`- ${joined}`);
    expect(lines).toContain('- Cấp hộ chiếu công vụ cho 03 cán bộ (đã sửa).');
    expect(lines).toContain(headerDate('Hà Tĩnh', month.to));
    expect(lines.filter((line) => line.includes('Thường xuyên liên hệ'))).toHaveLength(1);
  });
});
