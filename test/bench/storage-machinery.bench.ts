import { type Storage, startServer } from '@gom/server';
import { round } from './percentiles';
import type { BenchResult } from './run';
import { generate } from './server-load.bench';
import { postgresCpuMs } from './storage-groups.bench';
import {
  type AdapterName,
  addMember,
  benchAdapters,
  benchUnit,
  cpuMs,
  type MachineryPiece,
  median,
  openBenchDatabase,
} from './sync-support';

export const name = 'storage-machinery';

/** A province as `server-load` loads it: 10 units of 50 officers, 50 keep-alive connections. */
const UNITS = 10;
const OFFICERS_PER_UNIT = 50;
const CONNECTIONS = 50;
const WARM_UP_MS = 500;
const MEASURED_MS = 2500;
const ROUNDS = Number(process.env.GOM_BENCH_ROUNDS ?? 7);

/** What each engine is measured without: each piece of the machinery it runs. */
const MEASURED: Record<AdapterName, MachineryPiece[][]> = {
  sqlite: [['groupCommit'], ['revisionMarks']],
  postgres: [['groupCommit'], ['turnBatch']],
};
/** Kept for what it finds, not for speed: its figure is what it costs. */
const NOT_FOR_SPEED: MachineryPiece[] = ['revisionMarks'];
/** A piece kept for speed stays while it buys at least this much on its figure (docs/performance.md). */
const MIN_GAIN = 1.2;

interface Sample {
  writesPerSecond: number;
  /** CPU per answered push, µs: this process (the server) and, on PostgreSQL, the database's processes. */
  gomCpuPerWrite: number;
  postgresCpuPerWrite: number;
  p99: number;
  refused: number;
}

/**
 * The server, in this process, on the storage opened without `without`, saturated by the load
 * generator in its own process: single-clip pushes from 50 connections, each sent as soon as the
 * last one is answered, every one through the token lookup, the group commit and the WAL's flush.
 */
async function saturate(
  reopen: (without: MachineryPiece[]) => Promise<Storage>,
  tokens: string[],
  without: MachineryPiece[],
  adapter: AdapterName,
): Promise<Sample> {
  const server = await startServer(await reopen(without), { port: 0 });
  try {
    const [gomBefore, postgresBefore] = [cpuMs(), adapter === 'postgres' ? postgresCpuMs() : 0];
    const report = await generate({
      url: server.url,
      tokens,
      connections: CONNECTIONS,
      mode: 'saturate',
      warmupMs: WARM_UP_MS,
      durationMs: MEASURED_MS,
    });
    const answered = Object.entries(report.statuses)
      .filter(([status]) => status !== 'error')
      .reduce((n, [, count]) => n + count, 0);
    const perWrite = (ms: number) => round((ms * 1000) / answered, 0);
    return {
      writesPerSecond: round((report.ok * 1000) / report.measuredMs, 0),
      gomCpuPerWrite: perWrite(cpuMs() - gomBefore),
      postgresCpuPerWrite: adapter === 'postgres' ? perWrite(postgresCpuMs() - postgresBefore) : 0,
      p99: report.latency.p99,
      refused: Object.entries(report.statuses)
        .filter(([status]) => !status.startsWith('2'))
        .reduce((n, [, count]) => n + count, 0),
    };
  } finally {
    await server.close();
  }
}

/**
 * Each piece of the storage's machinery measured with and without it in one run, on the figure it
 * exists for: the saturated throughput of single-clip pushes, with the server's CPU per write
 * beside it (docs/performance.md). The storage is opened without the piece (`without`), which puts
 * its plain version in its place. On a shared machine the load moves from one second to the next,
 * so each measurement without a piece is paired with one of the full machinery right beside it,
 * the pair's order alternating from round to round; a piece's ratio is the median of its pairs'.
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
        for (let o = 0; o < OFFICERS_PER_UNIT; o++) {
          tokens.push(await addMember(database.storage, unit.id, `Chuyên viên ${o}`));
        }
      }
      await database.storage.close();
      const pairs = new Map<string, Array<{ all: Sample; plain: Sample }>>(
        MEASURED[adapter].map((without) => [without.join('+'), []]),
      );
      const measure = async (without: MachineryPiece[]) => {
        const sample = await saturate(database.reopen, tokens, without, adapter);
        console.error(`bench ${name} ${adapter} without [${without}]: ${JSON.stringify(sample)}`);
        return sample;
      };
      for (let r = 0; r < ROUNDS; r++) {
        for (const without of MEASURED[adapter]) {
          const [first, second] = r % 2 === 0 ? [[], without] : [without, []];
          const samples = [await measure(first), await measure(second)];
          const [all, plain] = r % 2 === 0 ? samples : [...samples].reverse();
          pairs.get(without.join('+'))!.push({ all: all!, plain: plain! });
        }
      }
      const figure = (key: string, value: number, unit: string, budget?: BenchResult[string]['budget']) => {
        result[`${adapter}.${key}`] = budget ? { value, unit, budget } : { value, unit };
      };
      const all = [...pairs.values()].flat().map((pair) => pair.all);
      figure('all.writesPerSecond', median(all.map((s) => s.writesPerSecond)), 'writes/s');
      figure('all.gomCpuPerWrite', median(all.map((s) => s.gomCpuPerWrite)), 'µs');
      for (const without of MEASURED[adapter]) {
        const key = without.join('+');
        const measured = pairs.get(key)!;
        const plain = measured.map((pair) => pair.plain);
        figure(`${key}.withWritesPerSecond`, median(measured.map((pair) => pair.all.writesPerSecond)), 'writes/s');
        figure(`${key}.withoutWritesPerSecond`, median(plain.map((s) => s.writesPerSecond)), 'writes/s');
        figure(`${key}.withGomCpuPerWrite`, median(measured.map((pair) => pair.all.gomCpuPerWrite)), 'µs');
        figure(`${key}.withoutGomCpuPerWrite`, median(plain.map((s) => s.gomCpuPerWrite)), 'µs');
        if (adapter === 'postgres') {
          figure(`${key}.withPostgresCpuPerWrite`, median(measured.map((p) => p.all.postgresCpuPerWrite)), 'µs');
          figure(`${key}.withoutPostgresCpuPerWrite`, median(plain.map((s) => s.postgresCpuPerWrite)), 'µs');
        }
        figure(`${key}.withP99`, median(measured.map((pair) => pair.all.p99)), 'ms');
        figure(`${key}.withoutP99`, median(plain.map((s) => s.p99)), 'ms');
        const ratios = measured.map((pair) => pair.all.writesPerSecond / pair.plain.writesPerSecond);
        const cpuRatios = measured.map((pair) => pair.plain.gomCpuPerWrite / pair.all.gomCpuPerWrite);
        const forSpeed = !without.some((piece) => NOT_FOR_SPEED.includes(piece));
        figure(
          `${key}.throughputWithOverWithout`,
          round(median(ratios)),
          '×',
          forSpeed ? { min: MIN_GAIN } : undefined,
        );
        figure(`${key}.throughputWithOverWithoutLowest`, round(Math.min(...ratios)), '×');
        figure(`${key}.throughputWithOverWithoutHighest`, round(Math.max(...ratios)), '×');
        figure(`${key}.gomCpuWithoutOverWith`, round(median(cpuRatios)), '×');
      }
      const refused = [...pairs.values()].flat().reduce((n, pair) => n + pair.all.refused + pair.plain.refused, 0);
      figure('non2xxAnswers', refused, 'requests', { max: 0 });
    } finally {
      await database.dispose();
    }
  }
  return result;
}
