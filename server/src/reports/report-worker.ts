/**
 * A report worker's entry: builds one report at a time, off the server's thread, for the pool in
 * `report-workers.ts`. The whole entry is this module, so that a bundle can emit it as its own.
 */
import { parentPort } from 'node:worker_threads';
import { buildReportFile, type ReportJob } from './report-file';
import type { WorkerAnswer } from './report-workers';

const port = parentPort;
if (!port) throw new Error('report-worker.ts runs as a worker thread only');

port.on('message', async (job: ReportJob) => {
  let answer: WorkerAnswer;
  try {
    const file = await buildReportFile(job);
    // Transferred, not copied: a year's .docx is megabytes. A view on part of a buffer is copied
    // out first, since transferring its buffer would hand over bytes that are not the report's.
    const body = file.body.byteLength === file.body.buffer.byteLength ? file.body : file.body.slice();
    answer = { ok: true, file: { ...file, body } };
    port.postMessage(answer, [body.buffer as ArrayBuffer]);
  } catch (error) {
    // An Error survives structured cloning as its own kind (a RangeError stays one: the route
    // answers it with 404), with its message and stack.
    answer = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
    port.postMessage(answer);
  }
});
