import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { applyPush, type User } from '@gom/server';
import { percentile, round } from './percentiles';
import type { BenchResult } from './run';
import { benchAdapters, benchUnit, clipFields, cpuMs, openBenchDatabase } from './sync-support';

export const name = 'storage-groups';

const UNITS = 10;
const GROUPS = 2000;
const WARM_UP = 300;
/** As the groups come at 2,000 writes/s (about 4 pushes) and at saturation (about 24) in `server-load`. */
const SIZES = [4, 24];

/** The CPU time of every PostgreSQL process on this machine, ms: the database's share of the work. */
export function postgresCpuMs(): number {
  let ms = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') ms += cpuMs(Number(pid));
    } catch {
      // A process that ended between the listing and the read.
    }
  }
  return ms;
}

/**
 * The storage's group commit alone, without HTTP: groups of concurrent single-clip pushes (the
 * route's own `applyPush`) spread over 10 units, one group after the other, on a real SQLite file
 * and on the machine's PostgreSQL. A group's time, and the CPU a write costs this process and
 * PostgreSQL's processes. No budget of its own: it tells what `server-load`'s figures are made of,
 * steadier than a load over HTTP on a shared machine.
 */
export async function run(): Promise<BenchResult> {
  const result: BenchResult = {};
  for (const adapter of await benchAdapters()) {
    for (const size of SIZES) {
      const database = await openBenchDatabase(adapter);
      try {
        const users: User[] = [];
        for (let u = 0; u < UNITS; u++) {
          const unit = await database.storage.addUnit(benchUnit(u));
          users.push({
            id: randomUUID(),
            unitId: unit.id,
            name: 'Chuyên viên',
            role: 'member',
            createdAt: '',
            revokedAt: null,
          });
        }
        let sequence = 0;
        const push = (user: User) => {
          sequence += 1;
          return applyPush(database.storage, user, {
            clientId: 'bench',
            mutations: [
              {
                mutationId: `m${randomUUID().replaceAll('-', '')}`,
                itemId: randomUUID(),
                hlc: `${1_700_000_000_000 + sequence}-0000-bench`,
                set: clipFields(sequence),
              },
            ],
          });
        };
        const groups = async (count: number) => {
          const times: number[] = [];
          for (let g = 0; g < count; g++) {
            const start = performance.now();
            await Promise.all(Array.from({ length: size }, (_, i) => push(users[(g * size + i) % UNITS]!)));
            times.push(performance.now() - start);
          }
          return times;
        };
        await groups(WARM_UP);
        const [ownBefore, postgresBefore] = [cpuMs(), postgresCpuMs()];
        const times = await groups(GROUPS);
        const writes = GROUPS * size;
        const perWrite = (ms: number) => round((ms * 1000) / writes, 0);
        result[`${adapter}.groupOf${size}P50`] = { value: round(percentile(times, 50)), unit: 'ms' };
        result[`${adapter}.groupOf${size}P90`] = { value: round(percentile(times, 90)), unit: 'ms' };
        result[`${adapter}.groupOf${size}GomCpuPerWrite`] = { value: perWrite(cpuMs() - ownBefore), unit: 'µs' };
        if (adapter === 'postgres') {
          result[`${adapter}.groupOf${size}PostgresCpuPerWrite`] = {
            value: perWrite(postgresCpuMs() - postgresBefore),
            unit: 'µs',
          };
        }
      } finally {
        await database.dispose();
      }
    }
  }
  return result;
}
