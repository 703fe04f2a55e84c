import {
  buildReport,
  defaultItemFields,
  defaultMonthTemplate,
  defaultTaxonomy,
  type Item,
  parsePeriod,
} from '@gom/shared';
import { renderDocx } from '@gom/shared/render-docx';
import { percentile, round } from './percentiles';
import type { BenchResult } from './run';

export const name = 'report-month-docx';

function monthOfItems(count: number): Item[] {
  return Array.from({ length: count }, (_, i) => ({
    ...defaultItemFields(`2021-03-${String((i % 28) + 1).padStart(2, '0')}`, '2021-03-01T00:00:00.000Z'),
    id: crypto.randomUUID(),
    unitId: 'SNgV',
    authorId: null,
    updatedAt: '2021-03-01T00:00:00.000Z',
    text: `Văn bản gửi các cơ quan, đơn vị liên quan về việc góp ý dự thảo Kế hoạch số ${i} của UBND tỉnh.`,
    category: defaultTaxonomy.categories[i % defaultTaxonomy.categories.length]!.key,
    rank: i,
  }));
}

/** A month's report (300 items) assembled and rendered to .docx (budget: docs/performance.md). */
export async function run(): Promise<BenchResult> {
  const items = monthOfItems(300);
  const period = parsePeriod('2021-03');
  const samples: number[] = [];
  for (let i = 0; i < 25; i++) {
    const start = performance.now();
    const model = buildReport({
      items,
      period,
      template: defaultMonthTemplate,
      unit: defaultTaxonomy.unit,
      issuedOn: '2021-04-01',
    });
    await renderDocx(model);
    samples.push(performance.now() - start);
  }
  return {
    month300p50: { value: round(percentile(samples.slice(5), 50)), unit: 'ms' },
    month300p95: { value: round(percentile(samples.slice(5), 95)), unit: 'ms', budget: { max: 100 } },
  };
}
