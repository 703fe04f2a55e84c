import { defaultItemFields, defaultTaxonomy, type ItemRecord, localIsoDate } from '@gom/shared';
import { writeLocalRecords } from '../e2e/support';
import { BARE_PAGE, launchBenchBrowser } from './extension-support';
import { percentile, round } from './percentiles';
import type { BenchResult } from './run';

export const name = 'extension-side-panel-first-render';

const ITEMS = 5_000;
const RUNS = 7;

/** A month of 5,000 clips as the extension stores them (fields and their clocks), spread over its sections. */
function records(month: string): ItemRecord[] {
  const categories = defaultTaxonomy.categories.map((category) => category.key);
  return Array.from({ length: ITEMS }, (_, i) => {
    const occurredOn = `${month}-${String((i % 28) + 1).padStart(2, '0')}`;
    const fields = {
      ...defaultItemFields(occurredOn, `${occurredOn}T01:00:00.000Z`),
      text: `Văn bản số ${i}/SNgV-VP gửi các cơ quan, đơn vị liên quan về việc góp ý dự thảo Kế hoạch hợp tác với tỉnh Khăm Muồn năm 2026`,
      kind: i % 20 === 0 ? ('plan' as const) : ('result' as const),
      category: categories[i % categories.length] ?? null,
      categorySource: 'suggested' as const,
      rank: i,
    };
    const clock = `${Date.parse(`${occurredOn}T01:00:00Z`)}-0000-benchclient`;
    return {
      id: crypto.randomUUID(),
      authorId: null,
      fields,
      clocks: Object.fromEntries(Object.keys(fields).map((key) => [key, clock])),
    };
  });
}

/**
 * The side panel opened on a month of 5,000 items in the real Chromium: from the start of the
 * page's navigation until its list shows the month (the first frame with the list in it), split
 * at the moment its records are read from IndexedDB. Rows off screen are rendered as they come
 * near it, so `rowsInDom` is what the first screen needed, not 5,000.
 * Budgets: ratios to a bare page of the extension's origin, opened in the same run (docs/performance.md).
 */
export async function run(): Promise<BenchResult> {
  const browser = await launchBenchBrowser();
  try {
    const month = localIsoDate(new Date()).slice(0, 7);
    // The first page opens the database through Dexie, so its schema is the extension's own.
    const seeder = await browser.open('sidepanel.html');
    await seeder.waitForSelector('[data-role="empty"]');
    // The floor: a bare page of the extension's origin, its first paint.
    const bare: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${BARE_PAGE}`);
      const shown = await page.waitForFunction(
        () => (document.getElementById('bare') ? performance.now() : null),
        null,
        { polling: 'raf', timeout: 30_000 },
      );
      if (i > 0) bare.push((await shown.jsonValue()) as number);
      await page.close();
    }
    // The same page opened on an empty period (a new page, its code, its queries).
    const empty: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
      const shown = await page.waitForFunction(
        () => (document.querySelector('[data-role="empty"]') ? performance.now() : null),
        null,
        { polling: 'raf', timeout: 30_000 },
      );
      if (i > 0) empty.push((await shown.jsonValue()) as number);
      await page.close();
    }
    await writeLocalRecords(seeder, records(month));
    await seeder.close();

    const samples: number[] = [];
    const renders: number[] = [];
    const reads: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS + 1; i++) {
      // A fresh page each time, as the side panel opens: a reload would count the old page's teardown.
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
      // Polled every frame: the time is that of the first frame in which the list is there.
      const shown = await page.waitForFunction(
        (count) => {
          const rows = document.querySelectorAll('[data-item-id]').length;
          const total = Number(document.querySelector('[data-role="list"]')?.getAttribute('data-count') ?? rows);
          return total >= count && rows > 0 ? performance.now() : null;
        },
        ITEMS,
        { polling: 'raf', timeout: 30_000 },
      );
      const ms = (await shown.jsonValue()) as number;
      const read = await page.evaluate(
        () => performance.getEntriesByName('gom:period-records-read').at(-1)?.startTime ?? 0,
      );
      if (i > 0) {
        samples.push(ms);
        renders.push(ms - read);
        reads.push(read);
      }
      rows = await page.evaluate(() => document.querySelectorAll('[data-item-id]').length);
      await page.close();
    }
    const bareMedian = percentile(bare, 50);
    return {
      openToList5000Median: { value: round(percentile(samples, 50)), unit: 'ms' },
      openToList5000Worst: { value: round(Math.max(...samples)), unit: 'ms' },
      /** Of which: opening the page and reading the period's 5,000 records from IndexedDB. */
      openAndRead5000Median: { value: round(percentile(reads, 50)), unit: 'ms' },
      /** Of which: from the records read to the list shown (view, grouping, rows). */
      layout5000Median: { value: round(percentile(renders, 50)), unit: 'ms' },
      rowsInDom: { value: rows, unit: 'rows' },
      openEmptyPeriodMedian: { value: round(percentile(empty, 50)), unit: 'ms' },
      bareExtensionPageMedian: { value: round(bareMedian), unit: 'ms' },
      // Budgets as ratios to the bare page of the same run (docs/performance.md).
      emptyOverBare: { value: round(percentile(empty, 50) / bareMedian), unit: '×', budget: { max: 1.5 } },
      list5000OverBare: { value: round(percentile(samples, 50) / bareMedian), unit: '×', budget: { max: 2 } },
    };
  } finally {
    await browser.close();
  }
}
