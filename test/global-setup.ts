import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The end-to-end tests load the built extension: build it once, fresh, before they run. */
export default function setup(): void {
  execFileSync('pnpm', ['-s', '--filter', '@gom/extension', 'build'], {
    cwd: resolve(import.meta.dirname, '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
