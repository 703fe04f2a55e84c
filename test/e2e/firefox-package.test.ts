import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { root } from './support';

const run = promisify(execFile);
const extension = join(root, 'extension');

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: Array<{ code: string; message: string; file?: string }>;
}

describe('the Firefox package', () => {
  it('builds and passes web-ext lint with no error', async () => {
    await run(join(extension, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox', '--mv3'], { cwd: extension });
    // web-ext exits non-zero when it finds errors; the JSON report says which.
    const { stdout } = await run(
      join(extension, 'node_modules/.bin/web-ext'),
      ['lint', '--source-dir', join(extension, '.output/firefox-mv3'), '--output', 'json', '--no-input'],
      { cwd: extension, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const report = JSON.parse(stdout) as LintReport;
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);
});
