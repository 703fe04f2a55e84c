import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The end-to-end tests load the built extension: build it once, fresh, before they run. The test
 * build (`GOM_E2E_HOSTS=1`, into `extension/.output/e2e`) may read the loopback fixture pages
 * without the toolbar or menu gesture Playwright cannot make (see `extension/wxt.config.ts`).
 */
export default function setup(): void {
  execFileSync('pnpm', ['-s', '--filter', '@gom/extension', 'build'], {
    cwd: resolve(import.meta.dirname, '..'),
    env: { ...process.env, GOM_E2E_HOSTS: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
