import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from './metrics-registry';

describe('MetricsRegistry', () => {
  it('renders counters and cumulative histograms in the Prometheus text format', () => {
    const registry = new MetricsRegistry();
    registry.counter('jobs_total', 'Jobs done.');
    registry.counter('idle_total', 'Listed before anything counts.');
    registry.histogram('job_seconds', 'Job time.', [0.1, 1]);
    registry.inc('jobs_total', { kind: 'a"b' });
    registry.inc('jobs_total', { kind: 'a"b' }, 2);
    registry.observe('job_seconds', { kind: 'x' }, 0.05);
    registry.observe('job_seconds', { kind: 'x' }, 0.5);
    registry.observe('job_seconds', { kind: 'x' }, 3);
    expect(registry.render()).toBe(
      [
        '# HELP jobs_total Jobs done.',
        '# TYPE jobs_total counter',
        'jobs_total{kind="a\\"b"} 3',
        '# HELP idle_total Listed before anything counts.',
        '# TYPE idle_total counter',
        '# HELP job_seconds Job time.',
        '# TYPE job_seconds histogram',
        'job_seconds_bucket{kind="x",le="0.1"} 1',
        'job_seconds_bucket{kind="x",le="1"} 2',
        'job_seconds_bucket{kind="x",le="+Inf"} 3',
        'job_seconds_sum{kind="x"} 3.55',
        'job_seconds_count{kind="x"} 3',
        '',
      ].join('\n'),
    );
  });

  it('refuses a series that was never declared', () => {
    expect(() => new MetricsRegistry().inc('nothing_total')).toThrow(/no counter/);
  });
});
