import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { root } from './server';

export interface ExtensionZip {
  browser: 'chrome' | 'firefox';
  name: string;
  path: string;
}

/**
 * The store packages as `pnpm zip` makes them (extension/wxt.config.ts names them by version): a
 * production build each, not the development build a test run compiles.
 */
export function packageExtension(version: string): ExtensionZip[] {
  execFileSync('pnpm', ['-s', '--filter', '@gom/extension', 'zip'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, GOM_E2E_HOSTS: '' },
  });
  return (['chrome', 'firefox'] as const).map((browser) => {
    const path = join(root, 'extension/.output', `gom-${version}-${browser}.zip`);
    if (!existsSync(path)) throw new Error(`pnpm zip did not write ${path}`);
    return { browser, name: basename(path), path };
  });
}
