import { buildReport, defaultItemFields, defaultTaxonomy, findTemplate, type Item, parsePeriod } from '@gom/shared';
import { renderDocx } from '@gom/shared/render-docx';
import { percentile, round } from './percentiles';
import type { BenchResult } from './run';

export const name = 'report-year-docx';

/** A year of a unit's clips: results spread over the days and categories, a figure in every tenth. */
function yearOfItems(count: number): Item[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2023, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    const stat = i % 10 === 0;
    return {
      ...defaultItemFields(day, '2023-01-01T00:00:00.000Z'),
      id: crypto.randomUUID(),
      unitId: 'SNgV',
      authorId: null,
      updatedAt: '2023-01-01T00:00:00.000Z',
      kind: stat ? 'stat' : 'result',
      metric: stat ? 'translation_pages_content' : null,
      value: stat ? 12 : null,
      text: stat
        ? 'Biên dịch'
        : `Văn bản gửi các cơ quan, đơn vị liên quan về việc góp ý dự thảo Kế hoạch số ${i} của UBND tỉnh.`,
      category: defaultTaxonomy.categories[i % defaultTaxonomy.categories.length]!.key,
      rank: i,
    };
  });
}

/** A year's report (5,000 items) assembled and rendered to .docx (budget: docs/performance.md). */
export async function run(): Promise<BenchResult> {
  const items = yearOfItems(5000);
  const period = parsePeriod('2023');
  const template = findTemplate('so-ngoai-vu-year')!;
  const samples: number[] = [];
  for (let i = 0; i < 8; i++) {
    const start = performance.now();
    const model = buildReport({ items, period, template, unit: defaultTaxonomy.unit, issuedOn: '2023-12-31' });
    await renderDocx(model);
    samples.push(performance.now() - start);
  }
  return {
    year5000p50: { value: round(percentile(samples.slice(2), 50)), unit: 'ms' },
    year5000p95: { value: round(percentile(samples.slice(2), 95)), unit: 'ms', budget: { max: 1000 } },
  };
}
