import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadPlan, LoadReport } from './load-generator';
import { round } from './percentiles';
import type { BenchResult } from './run';
import { addMember, benchAdapters, benchUnit, cpuMs, openBenchDatabase, root, spawnGomServe } from './sync-support';

export const name = 'server-load';

/** A province: 10 units (departments) of 50 officers, each officer with a token. */
const UNITS = 10;
const OFFICERS_PER_UNIT = 50;
const CONNECTIONS = 50;
const FIXED_RATE = 2000;

/** Runs the plan and measures the server's own CPU per answered push, which other load on the machine does not change. */
async function measure(plan: LoadPlan, serverPid: number): Promise<LoadReport & { serverCpuUsPerAnswer: number }> {
  const before = cpuMs(serverPid);
  const report = await generate(plan);
  const answered = Object.values(report.statuses).reduce((n, c) => n + c, 0) - (report.statuses.error ?? 0);
  return { ...report, serverCpuUsPerAnswer: Math.round(((cpuMs(serverPid) - before) * 1000) / answered) };
}

/** Runs the load generator in its own process; resolves to its report. */
export function generate(plan: LoadPlan): Promise<LoadReport> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'load-generator.ts'), JSON.stringify(plan)],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  // Bounded: the plan ends itself; this only guards against a generator that hangs.
  const guard = setTimeout(() => child.kill('SIGKILL'), plan.warmupMs + plan.durationMs + 30_000);
  return new Promise((done, fail) => {
    child.once('exit', (code) => {
      clearTimeout(guard);
      if (code === 0) done(JSON.parse(out) as LoadReport);
      else fail(new Error(`load generator exited with ${code}`));
    });
  });
}

/**
 * `gom serve` as deployed (its defaults: rate limit per token, info logs to a file) on a loopback
 * port, loaded by a generator in another process with single-item pushes (one new clip each).
 * 50 keep-alive connections carry 500 officers' tokens of 10 units, so no token goes over its own
 * rate limit and the figure is the server's, not the limiter's: saturation in writes/s, and the
 * p99 at a fixed 2,000 writes/s from 50 clients (docs/performance.md).
 */
export async function run(): Promise<BenchResult> {
  const result: BenchResult = {};
  for (const adapter of await benchAdapters()) {
    const database = await openBenchDatabase(adapter);
    try {
      const tokens: string[] = [];
      for (let u = 0; u < UNITS; u++) {
        const unit = benchUnit(u);
        await database.storage.addUnit(unit);
        for (let o = 0; o < OFFICERS_PER_UNIT; o++)
          tokens.push(await addMember(database.storage, unit.id, `Chuyên viên ${o}`));
      }
      await database.storage.close();
      const server = await spawnGomServe(database.cliArgs, database.dir);
      try {
        const pid = server.child.pid!;
        const saturated = await measure(
          {
            url: server.url,
            tokens,
            connections: CONNECTIONS,
            mode: 'saturate',
            warmupMs: 1500,
            durationMs: 5000,
          },
          pid,
        );
        const fixed = await measure(
          {
            url: server.url,
            tokens,
            connections: CONNECTIONS,
            mode: 'rate',
            rate: FIXED_RATE,
            warmupMs: 1000,
            durationMs: 8000,
          },
          pid,
        );
        console.error(`bench server-load ${adapter}: ${JSON.stringify({ saturated, fixed })}`);
        if (adapter === 'sqlite') {
          // The WAL's file keeps its largest size: a WAL that never starts over grows all through the load.
          const walBytes = statSync(join(database.dir, 'gom.db-wal')).size;
          result['sqlite.walFileAfterLoad'] = { value: round(walBytes / 1e6, 0), unit: 'MB' };
        }
        result[`${adapter}.saturatedWritesPerSecond`] = {
          value: round((saturated.ok * 1000) / saturated.measuredMs, 0),
          unit: 'writes/s',
          budget: { min: 5000 },
        };
        result[`${adapter}.saturatedP99`] = { value: saturated.latency.p99, unit: 'ms' };
        // What one core could take at most, whatever else runs on the machine: 1 s / CPU per push.
        result[`${adapter}.serverCpuPerWrite`] = { value: saturated.serverCpuUsPerAnswer, unit: 'µs' };
        // The client's share of the same cores: a costly generator would lower the figures above.
        result[`${adapter}.generatorCpuPerWrite`] = { value: saturated.generatorCpuUsPerAnswer, unit: 'µs' };
        result[`${adapter}.at2000PerSecondAchieved`] = {
          value: round((fixed.ok * 1000) / fixed.measuredMs, 0),
          unit: 'writes/s',
        };
        result[`${adapter}.at2000PerSecondP50`] = { value: fixed.latency.p50, unit: 'ms' };
        result[`${adapter}.at2000PerSecondP99`] = { value: fixed.latency.p99, unit: 'ms', budget: { max: 15 } };
        result[`${adapter}.at2000PerSecondMax`] = { value: fixed.latency.max, unit: 'ms' };
        // Above zero, the server could not keep up: the percentiles above are lower bounds.
        result[`${adapter}.at2000PerSecondUnanswered`] = { value: fixed.unanswered, unit: 'requests' };
        const refused = [saturated, fixed]
          .flatMap((report) => Object.entries(report.statuses))
          .filter(([status]) => !status.startsWith('2'))
          .reduce((n, [, count]) => n + count, 0);
        result[`${adapter}.non2xxAnswers`] = { value: refused, unit: 'requests', budget: { max: 0 } };
      } finally {
        await server.stop();
      }
    } finally {
      await database.dispose();
    }
  }
  return result;
}
