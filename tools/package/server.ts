import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';

export const root = resolve(import.meta.dirname, '../..');
const server = join(root, 'server');

/**
 * The server's entries: the `gom` command, and each worker thread's entry as a file of its own
 * beside it, where `server/src/worker-module.ts` looks for them (docs/deploy.md, "Install").
 */
const entries = {
  gom: 'src/cli/main.ts',
  'report-worker': 'src/reports/report-worker.ts',
  checkpointer: 'src/storage/sqlite/checkpointer.ts',
};

/**
 * Left out of the bundle and installed beside it: better-sqlite3 loads a native addon, and pg
 * requires `pg-native` only when asked for it, which a bundler would try to resolve.
 */
const external = ['better-sqlite3', 'pg'];

/** Dependencies only an install script runs: better-sqlite3's download of a prebuilt addon. */
const installOnly = new Set(['prebuild-install']);

/** What of a package's published folder the server never loads: better-sqlite3's SQLite sources and build leftovers. */
const unused: Record<string, (path: string) => boolean> = {
  'better-sqlite3': (path) =>
    path.startsWith(`deps${sep}`) ||
    path.startsWith(`src${sep}`) ||
    (path.startsWith(`build${sep}`) && !/^build[/\\]Release[/\\][^/\\]+\.node$/.test(path) && !isDirOnTheWay(path)),
};

/** `build` and `build/Release` must be copied for the addon inside them to be. */
function isDirOnTheWay(path: string): boolean {
  return path === 'build' || path === join('build', 'Release');
}

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Node's own lookup: `node_modules/<name>` in the folder or the nearest folder above that has it. */
function findPackage(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The installed folders of `names` and of everything they depend on at run time, as the workspace's
 * install built them (the lockfile's versions, better-sqlite3's addon compiled for this Node).
 */
function runtimeClosure(names: readonly string[], from: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (name: string, parent: string, optional: boolean) => {
    if (installOnly.has(name)) return;
    const dir = findPackage(name, parent);
    if (!dir) {
      if (optional) return;
      throw new Error(`${name}, needed at run time, is not installed (from ${parent})`);
    }
    const seen = found.get(name);
    if (seen === dir) return;
    if (seen)
      throw new Error(`two versions of ${name} are needed (${seen}, ${dir}): one flat node_modules cannot hold both`);
    found.set(name, dir);
    const manifest = readJson<PackageJson>(join(dir, 'package.json'));
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const name of names) visit(name, from, false);
  return found;
}

function copyPackage(name: string, from: string, to: string): void {
  const skip = unused[name];
  cpSync(from, to, {
    recursive: true,
    dereference: true,
    filter: (source) => {
      const path = relative(from, source);
      if (path.split(sep).includes('node_modules')) return false;
      return !skip?.(path);
    },
  });
}

export interface ServerPackage {
  dir: string;
  version: string;
}

/**
 * Writes the server's package into `dir`: `gom.mjs` and its worker entries, the production
 * dependencies they load, a package.json naming them and the `gom` bin, and the LICENSE.
 */
export async function packageServer(dir: string, version: string): Promise<ServerPackage> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await build({
    absWorkingDir: server,
    entryPoints: entries,
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'lib/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    external,
    // The CommonJS packages bundled in (commander, docx's dependencies) call `require` for Node's
    // own modules, which an ES module does not have.
    banner: {
      js: "import { createRequire as __gomRequire } from 'node:module';\nconst require = __gomRequire(import.meta.url);",
    },
    legalComments: 'eof',
    logLevel: 'warning',
  });
  const gom = join(dir, 'gom.mjs');
  writeFileSync(gom, `#!/usr/bin/env node\n${readFileSync(gom, 'utf8')}`, { mode: 0o755 });

  const dependencies: Record<string, string> = {};
  for (const [name, from] of runtimeClosure(external, server)) {
    copyPackage(name, from, join(dir, 'node_modules', name));
    if (external.includes(name)) dependencies[name] = readJson<PackageJson>(join(from, 'package.json')).version;
  }
  const major = Number(process.versions.node.split('.')[0]);
  const manifest = {
    name: 'gom-server',
    version,
    description: 'The Gom sync server and the gom command, bundled: run `node gom.mjs serve`.',
    license: 'MIT',
    type: 'module',
    bin: { gom: './gom.mjs' },
    // better-sqlite3's addon is compiled for this Node's ABI (process.versions.modules): another
    // major cannot load it.
    engines: { node: `>=20.19 <${major + 1}` },
    dependencies,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(join(root, 'LICENSE'), join(dir, 'LICENSE'));
  return { dir, version };
}
