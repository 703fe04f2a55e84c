import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromiumWith } from '../e2e/support';

export const root = resolve(import.meta.dirname, '../..');
/** The production build, as an officer installs it. */
export const extensionDir = join(root, 'extension/.output/chrome-mv3');

let built = false;
/** Builds the extension once per `pnpm bench` run: every extension benchmark measures the same build. */
export function buildExtension(): void {
  if (built) return;
  execFileSync('pnpm', ['-s', '--filter', '@gom/extension', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  built = true;
}

/**
 * The floor of a page's first paint: a bare page of the extension's own origin, one paragraph and no
 * script, written beside the build for the benchmark's run (a build writes the folder anew).
 */
export const BARE_PAGE = 'bench-bare.html';

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with the production build in a throwaway profile. */
export async function launchBenchBrowser(): Promise<BenchBrowser> {
  buildExtension();
  writeFileSync(
    join(extensionDir, BARE_PAGE),
    '<!doctype html><meta charset="utf-8"><title>Gom</title><p id="bare">Gom</p>',
  );
  const context = await launchChromiumWith(extensionDir, mkdtempSync(join(tmpdir(), 'gom-bench-ext-')));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    open: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    close: () => context.close(),
  };
}
