import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildExtension, extensionDir } from './extension-support';
import type { BenchResult } from './run';

export const name = 'extension-content-script-size';

/**
 * The script Gom injects into a page when the officer asks (`read-page.js`, through `scripting`):
 * it is all a document system's page ever loads of Gom. Budget: docs/performance.md.
 */
export async function run(): Promise<BenchResult> {
  buildExtension();
  const script = readFileSync(join(extensionDir, 'read-page.js'));
  return {
    readPageRaw: { value: Math.round((script.length / 1024) * 10) / 10, unit: 'KB' },
    readPageGzip: {
      value: Math.round((gzipSync(script, { level: 9 }).length / 1024) * 10) / 10,
      unit: 'KB',
      budget: { max: 15 },
    },
  };
}
