/**
 * What the sync and server benchmarks share: a throwaway database on either adapter (a SQLite file
 * in a temp folder, or a fresh PostgreSQL schema that is dropped afterwards), clips shaped like the
 * ones the extension saves, and `gom serve` as a child process that is always stopped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hashToken, newToken, openPostgresStorage, openSqliteStorage, type Storage } from '@gom/server';
import {
  defaultItemFields,
  defaultTaxonomy,
  type ItemClocks,
  type ItemFieldsPatch,
  type UnitProfile,
} from '@gom/shared';

export const root = resolve(import.meta.dirname, '../..');

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
// `pg` is the server's dependency, not the test package's: borrowed from there for the schema's set-up.
const pg = createRequire(join(root, 'server/package.json'))('pg') as {
  Client: new (options: { connectionString: string; connectionTimeoutMillis?: number }) => PgClient;
};
/**
 * The `gom` the benchmarks serve; `GOM_BENCH_SERVER_ROOT` points at another checkout's folder (an
 * older commit, say) to compare two versions of the server in the same conditions.
 */
const gomMain = join(process.env.GOM_BENCH_SERVER_ROOT ?? root, 'server/src/cli/main.ts');

/** The machine's PostgreSQL service, as `.ci/run` uses it. */
export const benchPgUrl = process.env.GOM_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type AdapterName = 'sqlite' | 'postgres';
/** A piece of the storage's machinery a benchmark can open the storage without. */
export type MachineryPiece = NonNullable<NonNullable<Parameters<typeof openSqliteStorage>[1]>['without']>[number];

/**
 * SQLite always; PostgreSQL when its service answers (a benchmark run without it says so on stderr).
 * `GOM_BENCH_ADAPTERS=postgres` (or `sqlite`) keeps one of them, to measure it alone.
 */
export async function benchAdapters(): Promise<AdapterName[]> {
  const only = process.env.GOM_BENCH_ADAPTERS?.split(',');
  const chosen = (names: AdapterName[]) => names.filter((name) => !only || only.includes(name));
  const client = new pg.Client({ connectionString: benchPgUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return chosen(['sqlite', 'postgres']);
  } catch (error) {
    console.error(`bench: PostgreSQL at ${benchPgUrl} unreachable, SQLite only (${String(error)})`);
    return chosen(['sqlite']);
  }
}

export interface BenchDatabase {
  adapter: AdapterName;
  storage: Storage;
  /** The `gom serve` flags that open this same database. */
  cliArgs: string[];
  /** A folder removed with the database (logs, profiles). */
  dir: string;
  /** Opens this same database again in this process, without the machinery named (docs/performance.md). */
  reopen(without?: MachineryPiece[]): Promise<Storage>;
  /** Closes the storage (if still open) and removes everything: the temp folder, the schema. */
  dispose(): Promise<void>;
}

export async function openBenchDatabase(adapter: AdapterName): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'gom-bench-'));
  if (adapter === 'sqlite') {
    const path = join(dir, 'gom.db');
    const db: BenchDatabase = {
      adapter,
      storage: openSqliteStorage(path),
      cliArgs: ['--db', path],
      dir,
      reopen: async (without) => openSqliteStorage(path, { without }),
      async dispose() {
        // A storage the benchmark closed already (to hand the file to `gom serve`) refuses a second close.
        await db.storage.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return db;
  }
  const schema = `gom_bench_${randomBytes(6).toString('hex')}`;
  const storage = await openPostgresStorage({ connectionString: benchPgUrl, schema, maxConnections: 4 });
  const db: BenchDatabase = {
    adapter,
    storage,
    cliArgs: ['--database-url', `${benchPgUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`],
    dir,
    reopen: (without) => openPostgresStorage({ connectionString: benchPgUrl, schema, without }),
    async dispose() {
      await db.storage.close().catch(() => undefined);
      const admin = new pg.Client({ connectionString: benchPgUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return db;
}

/** A unit of the province besides the default one: the same profile under another id. */
export function benchUnit(index: number): UnitProfile {
  return index === 0 ? defaultTaxonomy.unit : { ...defaultTaxonomy.unit, id: `U${index}`, name: `Đơn vị ${index}` };
}

/** Adds a member with a fresh token to the unit; returns the token. */
export async function addMember(storage: Storage, unitId: string, name = 'Chuyên viên'): Promise<string> {
  const token = newToken();
  await storage.addUser({ id: randomUUID(), unitId, name, role: 'member' }, hashToken(token));
  return token;
}

const SAMPLE_TEXTS = [
  'Tham mưu UBND tỉnh ban hành Kế hoạch đón Đoàn công tác Đại sứ quán Lào tại Việt Nam đến thăm, làm việc tại tỉnh',
  'Văn bản gửi các Sở, ngành về việc góp ý dự thảo Kế hoạch triển khai công tác thông tin đối ngoại năm 2021',
  'Góp ý dự thảo Quyết định ban hành Quy chế quản lý đoàn ra, đoàn vào trên địa bàn tỉnh',
  'Báo cáo tình hình thực hiện công tác người Việt Nam ở nước ngoài quý I năm 2021',
];

/** The fields a clip carries when the extension saves it (the `set` of its first write). */
export function clipFields(i: number, now = new Date(Date.UTC(2021, 2, 1 + (i % 28), 2))): ItemFieldsPatch {
  const text = `${SAMPLE_TEXTS[i % SAMPLE_TEXTS.length]} (văn bản số ${100 + (i % 900)}/SNgV-VP).`;
  return {
    ...defaultItemFields(now.toISOString().slice(0, 10), now.toISOString()),
    kind: 'result',
    text,
    category: defaultTaxonomy.categories[i % defaultTaxonomy.categories.length]!.key,
    categorySource: 'suggested',
    rank: now.getTime() + i,
    source: {
      url: `https://ioffice.hatinh.gov.vn/van-ban-di/chi-tiet?id=${1_000_000 + i}`,
      title: 'Chi tiết văn bản đi - Hệ thống quản lý văn bản và điều hành',
      selection: text,
      document: {
        reference: `${100 + (i % 900)}/SNgV-VP`,
        type: 'Công văn',
        issuedOn: now.toISOString().slice(0, 10),
        issuer: 'Sở Ngoại vụ',
        summary: null,
        signer: null,
        direction: 'outgoing',
        dueOn: null,
      },
    },
  };
}

/** A clip as the server stores it after its first push: every field with the clock of that write. */
export function storedClip(i: number, node: string, savedAt?: Date) {
  const fields = clipFields(i, savedAt);
  const hlc = `${String(Date.UTC(2021, 2, 1) + i).padStart(13, '0')}-0000-${node}`;
  const clocks = Object.fromEntries(Object.keys(fields).map((f) => [f, hlc])) as ItemClocks;
  return { id: randomUUID(), authorId: null, fields, clocks };
}

/**
 * The default unit holding `count` clips and one member; returns the member's token. The clips go
 * in as pushes of 1,000 items that store them as they are, so they get revisions 1…count exactly
 * as pushes of clips would have given them. `savedAt` dates clip i (March 2021 by default).
 */
export async function seedUnitWithItems(
  storage: Storage,
  count: number,
  savedAt?: (i: number) => Date,
): Promise<string> {
  const unitId = defaultTaxonomy.unit.id;
  await storage.addUnit(defaultTaxonomy.unit);
  const token = await addMember(storage, unitId);
  for (let from = 0; from < count; from += 1000) {
    const items = Array.from({ length: Math.min(count, from + 1000) - from }, (_, i) =>
      storedClip(from + i, 'seed', savedAt?.(from + i)),
    );
    await storage.push(unitId, {
      clientId: 'seed',
      mutationIds: [],
      itemIds: [],
      merge: () => ({ items, mutationIds: [] }),
    });
  }
  return token;
}

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM (graceful: in-flight requests finish), SIGKILL after 10 s; resolves once it exited. */
  stop(): Promise<void>;
}

/**
 * `gom serve` as production runs it (default options, info logs), on a free loopback port. Its
 * log goes to a file in `dir`, as it would go to the journal, not through a pipe this process drains.
 */
export async function spawnGomServe(
  cliArgs: string[],
  dir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ServeProcess> {
  const logPath = join(dir, `serve-${randomBytes(4).toString('hex')}.log`);
  const log = openSync(logPath, 'w');
  // `--cpu-prof` is refused in NODE_OPTIONS, so a profiled run passes it here (written at the graceful exit).
  const profileDir = process.env.GOM_BENCH_CPU_PROF;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  // Node itself with tsx's loader, not the tsx launcher, so that the signal reaches the server itself.
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', gomMain, 'serve', '--port', '0', ...cliArgs], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, 'inherit'],
  });
  closeSync(log);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const url = /"url":"([^"]+)"/.exec(readFileSync(logPath, 'utf8'))?.[1];
    if (url) return { url, child, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`gom serve did not start: ${readFileSync(logPath, 'utf8')}`);
    }
    await new Promise((done) => setTimeout(done, 20));
  }
}

/**
 * CPU time (user + system) a process has used so far, in ms: this process's own, or a child's from
 * `/proc` (Linux clock ticks of 10 ms). Unlike wall time, it does not grow when other work shares the cores.
 */
export function cpuMs(pid: number = process.pid): number {
  if (pid === process.pid) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export const median = (samples: number[]): number =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
