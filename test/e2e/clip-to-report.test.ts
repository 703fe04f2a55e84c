import { readFileSync } from 'node:fs';
import { openSqliteStorage } from '@gom/server';
import { localIsoDate, monthOf, monthTitle, nextMonth } from '@gom/shared';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  type GomServer,
  launchWithExtension,
  selectText,
  serveFixtures,
  startGomServer,
} from './support';

let server: GomServer;
let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  [server, fixtures, browser] = await Promise.all([
    startGomServer({ role: 'editor' }),
    serveFixtures(),
    launchWithExtension(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
  await server?.stop();
});

function readLocalItem(page: Page, itemId: string) {
  return page.evaluate(
    (id) =>
      new Promise<{ item: unknown; outbox: number }>((resolve, reject) => {
        const open = indexedDB.open('gom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['items', 'outbox'], 'readonly');
          const item = tx.objectStore('items').get(id);
          const outbox = tx.objectStore('outbox').count();
          tx.oncomplete = () => resolve({ item: item.result, outbox: outbox.result });
        };
      }),
    itemId,
  );
}

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

interface ExtensionGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

const CLIP =
  'Tham mưu UBND tỉnh ban hành Kế hoạch đón Đoàn công tác Đại sứ quán Lào tại Việt Nam và Tổng Lãnh sự quán Lào tại TP Đà Nẵng đến thăm, làm việc tại tỉnh (Tờ trình số 17/TTr-SNgV ngày 03/3/2021 của Sở Ngoại vụ).';

describe('clip → IndexedDB → sync → server → side panel → report .docx', () => {
  it('takes a selection on a document page all the way into the month report', async () => {
    const month = monthOf(localIsoDate(new Date()));

    const options = await browser.openExtensionPage('options.html');
    await options.fill('input[name="serverUrl"]', server.url);
    await options.fill('input[name="token"]', server.token);
    await options.click('button[data-action="save"]');
    await expect.poll(() => options.locator('[data-role="save-status"]').textContent()).toBe('Đã lưu');

    const documentPage = await browser.context.newPage();
    await documentPage.goto(`${fixtures.url}/vnpt-ioffice-van-ban-di.html`);
    const selected = await selectText(documentPage, '#noi-dung-chinh');
    expect(selected).toBe(CLIP);

    // Playwright cannot click Chromium's own context menu: send what its onClicked handler receives.
    const clipped = (await options.evaluate(
      (clip) => (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage({ type: 'clip', ...clip }),
      { text: selected, url: documentPage.url(), title: await documentPage.title() },
    )) as { ok: boolean; itemId: string };
    expect(clipped.ok).toBe(true);

    const local = await readLocalItem(options, clipped.itemId);
    expect(local.item).toMatchObject({
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
    const storage = openSqliteStorage(server.dbPath);
    await expect
      .poll(async () => (await storage.itemsOccurringBetween('SNgV', month.from, month.to)).map((i) => i.fields.text), {
        timeout: 15_000,
      })
      .toEqual([CLIP]);
    await storage.close();
    await expect.poll(async () => (await readLocalItem(options, clipped.itemId)).outbox).toBe(0);

    const panel = await browser.openExtensionPage('sidepanel.html');
    const row = panel.locator(`[data-item-id="${clipped.itemId}"]`);
    await expect.poll(() => row.textContent()).toContain(CLIP);
    await expect
      .poll(() => panel.locator('section[data-role="section"] > h3').allTextContents())
      .toEqual(['1. Hoạt động hợp tác quốc tế']);

    // The team report, as the server assembles it from every officer's synced items (editors).
    const downloading = panel.waitForEvent('download');
    await panel.locator('[data-action="download-team-report"]').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`bao-cao-thang-${month.id}.docx`);
    const docx = readFileSync((await download.path())!);
    const lines = paragraphs(strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!));
    const heading = lines.indexOf('1. Hoạt động hợp tác quốc tế');
    expect(heading).toBeGreaterThan(lines.indexOf('I. KẾT QUẢ THỰC HIỆN'));
    expect(lines[heading + 1]).toBe(`- ${CLIP}`);
    expect(lines).toContain(`Hoạt động đối ngoại ${monthTitle(month)}, kế hoạch ${monthTitle(nextMonth(month))}`);

    // The export is on record: after the next sync the row says it is reported, and keeps saying it.
    expect(await row.locator('[data-role="reported"]').count()).toBe(0);
    await panel.locator('[data-action="sync"]').click();
    await expect.poll(() => row.locator('[data-role="reported"]').textContent()).toBe('Đã báo cáo');
    expect(await row.locator('[data-role="reported"]').getAttribute('title')).toBe(
      `Đã có trong báo cáo chung kỳ ${month.id}`,
    );
  });
});
