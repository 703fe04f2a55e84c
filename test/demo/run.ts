import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from '../e2e/support';
import { runDemo } from './demo';

/**
 * `pnpm demo`: the whole product on a machine without a screen. A server on a temporary database,
 * the extension in headless Chromium, a month clipped through the extension's own paths, synced,
 * and the March 2021 report written to `demo/` as .docx, .pdf and a PNG of page 1. Exits non-zero
 * when a step fails, a file is missing or the report lacks one of its sections.
 */
const started = Date.now();
const say = (line: string) => console.log(`[demo] ${line}`);
const rebuild = process.argv.includes('--rebuild');

try {
  const result = await runDemo({ outDir: join(root, 'demo'), rebuild, log: say });
  say(`clipped: ${result.gathered} gathered documents, ${result.figures} figures, ${result.plans} plans (March 2021)`);
  for (const file of [result.docx, result.pdf, result.png]) {
    say(`wrote ${relative(root, file)} (${statSync(file).size.toLocaleString('en')} bytes)`);
  }
  say(`the report has ${result.pages} page(s); done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[demo] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
