import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Node 20 runs no TypeScript, and the server runs from its sources (under tsx, or vitest in the
 * tests): a `.ts` entry needs tsx's loader in the worker as well. `--import tsx` is accepted in a
 * worker's execArgv, but on Node 20 tsx registers its hooks on the main thread only, and the
 * worker's entry then fails on its `.ts` extension; so the worker registers them through tsx's API
 * before its entry loads. A bundled `.js` entry needs nothing.
 */
function loaderArgs(entry: URL): string[] {
  if (!entry.pathname.endsWith('.ts')) return [];
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return ['--import', `data:text/javascript,import{register}from${api};register()`];
}

/**
 * Bundled (`pnpm package`, docs/deploy.md), this module is part of `gom.mjs` and each worker entry
 * is emitted beside it as `<name>.mjs`: the `new URL('./<name>.ts', import.meta.url)` its callers
 * write then points next to the bundle, where only the `.mjs` exists.
 */
const bundled = !import.meta.url.endsWith('.ts');

function entryFile(entry: URL): URL {
  return bundled && entry.pathname.endsWith('.ts') ? new URL(entry.href.replace(/\.ts$/, '.mjs')) : entry;
}

/** A worker thread running the module at `entry`, a TypeScript source as well as a bundled one. */
export function startWorkerModule(entry: URL, options: Omit<WorkerOptions, 'execArgv'> = {}): Worker {
  const file = entryFile(entry);
  return new Worker(file, { ...options, execArgv: loaderArgs(file) });
}
