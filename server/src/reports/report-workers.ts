import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorkerModule } from '../worker-module';
import { buildReportFile, type ReportFile, type ReportJob } from './report-file';

/** What a report worker posts back for each job. */
export type WorkerAnswer = { ok: true; file: ReportFile } | { ok: false; error: Error };

export interface ReportWorkersOptions {
  /**
   * Worker threads at most, started as reports are asked for. `0` builds on the calling thread
   * instead: benchmarks measure what the workers buy against it. By default `GOM_REPORT_WORKERS`,
   * else one core fewer than the machine has (that one is the server's), and at least one.
   */
  size?: number;
}

interface Pending {
  job: ReportJob;
  resolve: (file: ReportFile) => void;
  reject: (error: unknown) => void;
}

function defaultSize(): number {
  const configured = process.env.GOM_REPORT_WORKERS;
  if (configured !== undefined && configured !== '') {
    const size = Number(configured);
    if (!Number.isInteger(size) || size < 0) {
      throw new RangeError(
        `GOM_REPORT_WORKERS phải là số nguyên ≥ 0 / GOM_REPORT_WORKERS must be a whole number ≥ 0: ${configured}`,
      );
    }
    return size;
  }
  return Math.max(1, availableParallelism() - 1);
}

const WORKER_ENTRY = new URL('./report-worker.ts', import.meta.url);

/**
 * A small pool of report workers: the build and rendering of a report take the server's thread for
 * seconds (39,173 items: 18 s, while `/v1/health` waited 17 s); on a worker the server keeps
 * answering. Jobs beyond the pool's size wait their turn, first come first served. Workers never
 * keep the process alive while idle; started lazily and kept for the next report, since starting
 * one (tsx, the shared package, docx) costs more than a month's report.
 */
export class ReportWorkers {
  readonly size: number;
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Pending>();
  readonly #queue: Pending[] = [];
  /** Busy workers that `close` ends once their job is done. */
  readonly #closing = new Set<Worker>();

  constructor({ size = defaultSize() }: ReportWorkersOptions = {}) {
    this.size = size;
  }

  /** The job's report file, built on a worker (or here, with a size of 0). */
  build(job: ReportJob): Promise<ReportFile> {
    if (this.size === 0) return buildReportFile(job);
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, resolve, reject });
      this.#dispatch();
    });
  }

  /**
   * Ends the workers: idle ones now, busy ones once their report is done. A build asked for later
   * starts new ones: tests run many servers, one after another, in one process.
   */
  async close(): Promise<void> {
    const exits = [...this.#idle, ...this.#busy.keys()].map(
      (worker) => new Promise<void>((done) => worker.once('exit', () => done())),
    );
    for (const worker of this.#idle.splice(0)) void worker.terminate();
    for (const worker of this.#busy.keys()) this.#closing.add(worker);
    await Promise.all(exits);
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#busy.size < this.size ? this.#start() : undefined);
      if (!worker) return;
      const pending = this.#queue.shift() as Pending;
      this.#busy.set(worker, pending);
      // Held while it works: an unreferenced worker would let a process with nothing else to do
      // exit with the report half built.
      worker.ref();
      try {
        worker.postMessage(pending.job);
      } catch (error) {
        // A job that cannot be cloned fails alone; the worker never saw it.
        this.#settle(worker, { ok: false, error: error as Error });
      }
    }
  }

  #start(): Worker {
    const worker = startWorkerModule(WORKER_ENTRY);
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => this.#settle(worker, answer));
    // A worker that dies (out of memory, a failed start) fails its job only; the next job starts
    // another.
    worker.on('error', (error) => this.#drop(worker, error));
    worker.on('exit', (code) =>
      this.#drop(worker, new Error(`Luồng dựng báo cáo đã dừng (${code}) / The report worker exited (${code})`)),
    );
    return worker;
  }

  #settle(worker: Worker, answer: WorkerAnswer): void {
    const pending = this.#busy.get(worker);
    this.#busy.delete(worker);
    worker.unref();
    if (this.#closing.delete(worker)) void worker.terminate();
    else this.#idle.push(worker);
    if (answer.ok) pending?.resolve(answer.file);
    else pending?.reject(answer.error);
    this.#dispatch();
  }

  #drop(worker: Worker, error: unknown): void {
    const pending = this.#busy.get(worker);
    this.#busy.delete(worker);
    this.#closing.delete(worker);
    const idle = this.#idle.indexOf(worker);
    if (idle >= 0) this.#idle.splice(idle, 1);
    pending?.reject(error);
    this.#dispatch();
  }
}

/** The process's report workers: every server in the process shares the machine's cores. */
export const reportWorkers = new ReportWorkers();
