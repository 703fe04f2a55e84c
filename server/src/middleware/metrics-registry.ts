/**
 * Counters and histograms in the Prometheus text exposition format (version 0.0.4), kept in the
 * process: a handful of series, so a registry of a few dozen lines rather than a dependency.
 * Each process of a deployment answers its own `/metrics` (docs/deploy.md, "Metrics").
 */
export type Labels = Readonly<Record<string, string>>;

/** Seconds: from a health check's few milliseconds to a year's report on a busy machine. */
export const DEFAULT_LATENCY_BUCKETS: readonly number[] = [
  0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

interface Family {
  help: string;
  type: 'counter' | 'histogram';
}

interface HistogramSeries {
  labels: Labels;
  buckets: number[];
  sum: number;
  count: number;
}

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels);
  if (extra) pairs.push(extra);
  if (pairs.length === 0) return '';
  return `{${pairs.map(([name, value]) => `${name}="${escapeLabel(value)}"`).join(',')}}`;
}

/**
 * A series by its label values: each family is always given the same label names in the same
 * order, and this runs on every request, so the names are left out of the key.
 */
const seriesKey = (labels: Labels) => Object.values(labels).join('\u0000');

export class MetricsRegistry {
  readonly #families = new Map<string, Family>();
  readonly #counters = new Map<string, Map<string, { labels: Labels; value: number }>>();
  readonly #histograms = new Map<string, { bounds: readonly number[]; series: Map<string, HistogramSeries> }>();

  /** Declares a counter, so that it is listed (at zero) before anything counts. */
  counter(name: string, help: string): void {
    this.#families.set(name, { help, type: 'counter' });
    if (!this.#counters.has(name)) this.#counters.set(name, new Map());
  }

  histogram(name: string, help: string, bounds: readonly number[] = DEFAULT_LATENCY_BUCKETS): void {
    this.#families.set(name, { help, type: 'histogram' });
    if (!this.#histograms.has(name))
      this.#histograms.set(name, { bounds: [...bounds].sort((a, b) => a - b), series: new Map() });
  }

  inc(name: string, labels: Labels = {}, by = 1): void {
    const family = this.#counters.get(name);
    if (!family) throw new Error(`no counter ${name}`);
    const key = seriesKey(labels);
    const series = family.get(key);
    if (series) series.value += by;
    else family.set(key, { labels, value: by });
  }

  observe(name: string, labels: Labels, value: number): void {
    const family = this.#histograms.get(name);
    if (!family) throw new Error(`no histogram ${name}`);
    const key = seriesKey(labels);
    let series = family.series.get(key);
    if (!series) {
      series = { labels, buckets: family.bounds.map(() => 0), sum: 0, count: 0 };
      family.series.set(key, series);
    }
    const at = family.bounds.findIndex((bound) => value <= bound);
    if (at >= 0) series.buckets[at] = (series.buckets[at] ?? 0) + 1;
    series.sum += value;
    series.count += 1;
  }

  /** The text format: `# HELP`, `# TYPE`, then one line a series; histogram buckets are cumulative. */
  render(): string {
    const lines: string[] = [];
    for (const [name, { help, type }] of this.#families) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      if (type === 'counter') {
        for (const { labels, value } of this.#counters.get(name)?.values() ?? []) {
          lines.push(`${name}${labelText(labels)} ${value}`);
        }
        continue;
      }
      const family = this.#histograms.get(name);
      if (!family) continue;
      for (const { labels, buckets, sum, count } of family.series.values()) {
        let cumulative = 0;
        family.bounds.forEach((bound, i) => {
          cumulative += buckets[i] ?? 0;
          lines.push(`${name}_bucket${labelText(labels, ['le', String(bound)])} ${cumulative}`);
        });
        lines.push(`${name}_bucket${labelText(labels, ['le', '+Inf'])} ${count}`);
        lines.push(`${name}_sum${labelText(labels)} ${sum}`, `${name}_count${labelText(labels)} ${count}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }
}
