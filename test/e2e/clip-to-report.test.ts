import { openSqliteStorage } from '@gom/server';
import { localIsoDate, monthOf, monthTitle } from '@gom/shared';
import { describe, expect, it } from 'vitest';
import { connectToServer, setUpE2e } from './harness';
import { askBackground, downloadBy, downloadedParagraphs, readLocalItem, readLocalItems, selectText } from './support';

const e2e = setUpE2e({ fixtures: true, server: { role: 'editor' } });

const CLIP =
  'Tham mưu UBND tỉnh ban hành Kế hoạch đón Đoàn công tác Đại sứ quán Lào tại Việt Nam và Tổng Lãnh sự quán Lào tại TP Đà Nẵng đến thăm, làm việc tại tỉnh (Tờ trình số 17/TTr-SNgV ngày 03/3/2021 của Sở Ngoại vụ).';

describe('clip → IndexedDB → sync → server → side panel → report .docx', () => {
  it('takes a selection on a document page all the way into the month report', async () => {
    const month = monthOf(localIsoDate(new Date()));

    const options = await e2e.browser.openExtensionPage('options.html');
    await connectToServer(options, e2e.server);

    const { page: documentPage } = await e2e.openFixture('vnpt-ioffice-van-ban-di.html');
    const selected = await selectText(documentPage, '#noi-dung-chinh');
    expect(selected).toBe(CLIP);

    // Playwright cannot click Chromium's own context menu: send what its onClicked handler receives.
    const clipped = await askBackground<{ ok: boolean; itemId: string }>(options, {
      type: 'clip',
      text: selected,
      url: documentPage.url(),
      title: await documentPage.title(),
    });
    expect(clipped.ok).toBe(true);

    expect(await readLocalItem(options, clipped.itemId)).toMatchObject({
      id: clipped.itemId,
      fields: {
        text: CLIP,
        kind: 'result',
        category: 'intl_cooperation',
        occurredOn: localIsoDate(new Date()),
        source: {
          url: documentPage.url(),
          title: 'Chi tiết văn bản đi - Hệ thống quản lý văn bản và điều hành',
          document: { reference: '17/TTr-SNgV', type: 'Tờ trình', issuedOn: '2021-03-03' },
        },
      },
    });

    // The clip syncs by itself soon after it is saved.
    const storage = openSqliteStorage(e2e.server.dbPath);
    await expect
      .poll(async () => (await storage.itemsOccurringBetween('SNgV', month.from, month.to)).map((i) => i.fields.text), {
        timeout: 15_000,
      })
      .toEqual([CLIP]);
    await storage.close();
    await expect.poll(async () => (await readLocalItems(options)).outbox).toBe(0);

    const panel = await e2e.browser.openExtensionPage('sidepanel.html');
    const row = panel.locator(`[data-item-id="${clipped.itemId}"]`);
    await expect.poll(() => row.textContent()).toContain(CLIP);
    await expect
      .poll(() => panel.locator('section[data-role="section"] > h3').allTextContents())
      .toEqual(['1. Hoạt động hợp tác quốc tế']);

    // The team report, as the server assembles it from every officer's synced items (editors).
    const download = await downloadBy(panel, '[data-action="download-team-report"]');
    expect(download.suggestedFilename()).toBe(`bao-cao-thang-${month.id}-don-vi.docx`);
    await expect
      .poll(() => panel.locator('[data-role="status"]').textContent())
      .toBe(`Đã tải báo cáo chung của đơn vị (mục của mọi người, từ máy chủ): bao-cao-thang-${month.id}-don-vi.docx.`);
    const lines = await downloadedParagraphs(download);
    const heading = lines.indexOf('1. Hoạt động hợp tác quốc tế');
    expect(heading).toBeGreaterThan(lines.indexOf('I. KẾT QUẢ THỰC HIỆN'));
    expect(lines[heading + 1]).toBe(`- ${CLIP}`);
    // Her clip is a result: the report has no plans and promises none.
    expect(lines).toContain(`Hoạt động đối ngoại ${monthTitle(month)}`);

    // The export is on record: after the next sync the row says it is reported, and keeps saying it.
    expect(await row.locator('[data-role="reported"]').count()).toBe(0);
    await panel.locator('[data-action="sync"]').click();
    await expect.poll(() => row.locator('[data-role="reported"]').textContent()).toBe('Đã báo cáo');
    expect(await row.locator('[data-role="reported"]').getAttribute('title')).toBe(
      `Đã có trong báo cáo chung kỳ ${month.id}`,
    );
  });
});
