/**
 * `pnpm package`: what a province's IT installs (docs/deploy.md, "Install"). `dist/gom-server/` runs
 * with Node alone; the extension's store packages go beside it, at the same version.
 * `--server-only` skips the extension's builds; `--out DIR` writes elsewhere than `dist/`.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageExtension } from './extension';
import { packageServer, root } from './server';

/** One version for the server and the extension: the root's, which the others must repeat. */
function workspaceVersion(): string {
  const versionOf = (dir: string) =>
    (JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { version: string }).version;
  const version = versionOf('.');
  for (const dir of ['server', 'extension', 'shared']) {
    if (versionOf(dir) !== version) {
      throw new Error(
        `${dir}/package.json is at ${versionOf(dir)}, the workspace at ${version}: give them one version`,
      );
    }
  }
  return version;
}

const { values } = parseArgs({
  options: { out: { type: 'string', default: join(root, 'dist') }, 'server-only': { type: 'boolean', default: false } },
});
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const version = workspaceVersion();
const { dir } = await packageServer(join(out, 'gom-server'), version);
console.log(`${dir}: gom-server ${version}`);
if (!values['server-only']) {
  for (const zip of packageExtension(version)) {
    copyFileSync(zip.path, join(out, zip.name));
    console.log(`${join(out, zip.name)}: the extension ${version} for ${zip.browser}`);
  }
}
