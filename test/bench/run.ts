/**
 * `pnpm bench`: every benchmark in this folder, each printing its figures beside their budgets
 * budgets; the whole run prints one JSON document on stdout.
 * A benchmark module exports `name` and `run(): Promise<BenchResult>`.
 */
import { readdirSync } from 'node:fs';

export interface BenchFigure {
  value: number;
  unit: string;
  /** The figure's budget (docs/performance.md), when it has one. */
  budget?: { max?: number; min?: number };
}
export type BenchResult = Record<string, BenchFigure>;

interface BenchModule {
  name: string;
  run(): Promise<BenchResult>;
}

const only = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const results: Record<string, BenchResult> = {};
const failures: Record<string, string> = {};
for (const file of files) {
  const bench = (await import(`./${file}`)) as BenchModule;
  // One benchmark that fails must not lose the figures the others measured.
  try {
    results[bench.name] = await bench.run();
    console.error(`bench ${bench.name} done`);
  } catch (error) {
    failures[bench.name] = error instanceof Error ? error.message : String(error);
    console.error(`bench ${bench.name} failed: ${failures[bench.name]}`);
  }
}

const withinBudget = Object.values(results)
  .flatMap((r) => Object.values(r) as BenchFigure[])
  .every(
    (f) =>
      (f.budget?.max === undefined || f.value <= f.budget.max) &&
      (f.budget?.min === undefined || f.value >= f.budget.min),
  );
const { cpus, loadavg } = await import('node:os');
// The load average says how far to trust the timings: other work on a 2-core machine moves them.
const machine = { cpus: cpus().length, node: process.version, loadavg: loadavg().map((l) => Number(l.toFixed(2))) };
console.log(JSON.stringify({ machine, results, failures, withinBudget }, null, 2));
if (Object.keys(failures).length > 0) process.exitCode = 1;
