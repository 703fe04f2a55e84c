import { z } from 'zod';
import metricsData from '../../data/metrics.json';
import type { Item } from '../item';

export const metricSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** The taxonomy category whose section prints the figure. */
  category: z.string().min(1),
  /** "{n} trang biên dịch có chứng thực tư pháp" */
  phrase: z.string().includes('{n}'),
  /** What a zero reads as, where officers say it ("không có hồ sơ trễ hạn"); zero is left out otherwise. */
  none: z.string().optional(),
});
export type Metric = z.infer<typeof metricSchema>;

/** One sentence of the report that names several metrics: "Thực hiện {total} trang …, trong đó có: {list}." */
export const figureLineSchema = z.object({
  metrics: z.array(z.string()).min(1),
  sentence: z.string().includes('{list}'),
});

export const metricCatalogSchema = z
  .object({
    metrics: z.array(metricSchema),
    lines: z.array(figureLineSchema),
    directives: z.object({
      sentence: z.string().includes('{list}'),
      done: z.string().includes('{n}'),
      pending: z.string().includes('{n}'),
      overdue: z.string().includes('{n}'),
      noneOverdue: z.string(),
    }),
  })
  .refine((c) => c.lines.every((line) => line.metrics.every((key) => c.metrics.some((m) => m.key === key))), {
    message: 'A figure line names a metric that is not in the catalog',
  });
export type MetricCatalog = z.infer<typeof metricCatalogSchema>;

export const defaultMetricCatalog: MetricCatalog = metricCatalogSchema.parse(metricsData);

/**
 * A number as Vietnamese reports write it: "." between thousands, "," before decimals, and a count
 * below ten with a leading zero ("03 hồ sơ"), as officers write counts in Nghị định 30 documents.
 */
export function formatCount(value: number): string {
  const negative = value < 0;
  const [whole = '0', fraction] = String(Math.round(Math.abs(value) * 100) / 100).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const padded = !fraction && Number(whole) >= 1 && Number(whole) < 10 ? `0${whole}` : grouped;
  return `${negative ? '-' : ''}${padded}${fraction ? `,${fraction}` : ''}`;
}

/** A stat item with its metric and value: the only kind the figures sum. */
export type FigureItem = Pick<Item, 'kind' | 'metric' | 'value'>;

/** The sum of each metric over the items (a longer period sums the items of the shorter ones). */
export function sumFigures(items: FigureItem[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) {
    if (item.kind !== 'stat' || item.metric === null || item.value === null) continue;
    sums.set(item.metric, (sums.get(item.metric) ?? 0) + item.value);
  }
  return sums;
}

/** The sentences of the metrics of one category, in the catalog's order; metrics nobody recorded are left out. */
export function figureSentences(
  sums: Map<string, number>,
  category: string,
  catalog: MetricCatalog = defaultMetricCatalog,
): string[] {
  const metric = new Map(catalog.metrics.map((m) => [m.key, m]));
  const sentences: string[] = [];
  for (const line of catalog.lines) {
    const present = line.metrics.filter((key) => sums.has(key) && metric.get(key)?.category === category);
    const phrases = present.flatMap((key) => {
      const m = metric.get(key)!;
      const value = sums.get(key)!;
      if (value === 0) return m.none ? [m.none] : [];
      return [m.phrase.replaceAll('{n}', formatCount(value))];
    });
    if (phrases.length === 0) continue;
    const total = present.reduce((sum, key) => sum + (sums.get(key) ?? 0), 0);
    sentences.push(line.sentence.replaceAll('{total}', formatCount(total)).replaceAll('{list}', phrases.join(', ')));
  }
  return sentences;
}

export type DirectiveItem = Pick<Item, 'kind' | 'status'>;

/** "Trong kỳ, Sở Ngoại vụ được giao 19 nhiệm vụ: hoàn thành 18 nhiệm vụ, 01 nhiệm vụ chưa đến hạn …, không có nhiệm vụ quá hạn." */
export function directiveSummary(
  items: DirectiveItem[],
  unitName: string,
  catalog: MetricCatalog = defaultMetricCatalog,
): string | null {
  const directives = items.filter((i) => i.kind === 'directive');
  if (directives.length === 0) return null;
  const count = (status: string): number => directives.filter((i) => (i.status ?? 'pending') === status).length;
  const { sentence, done, pending, overdue, noneOverdue } = catalog.directives;
  const n = (template: string, value: number): string => template.replaceAll('{n}', formatCount(value));
  const list = [
    ...(count('done') > 0 ? [n(done, count('done'))] : []),
    ...(count('pending') > 0 ? [n(pending, count('pending'))] : []),
    count('overdue') > 0 ? n(overdue, count('overdue')) : noneOverdue,
  ];
  return sentence
    .replaceAll('{unit}', unitName)
    .replaceAll('{total}', formatCount(directives.length))
    .replaceAll('{list}', list.join(', '));
}
