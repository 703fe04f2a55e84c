import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * PouchDB and pouchdb-server, the peer `sync-pouchdb.bench.ts` measures Gom against: hundreds of
 * packages that nothing else uses, so `pnpm install` never fetches them. The first run of that
 * benchmark installs them with npm into `.peer/` (ignored by git), from the manifest and lockfile
 * in `peer/`, so every run measures the same versions.
 */
const manifestDir = join(import.meta.dirname, 'peer');
const installDir = join(import.meta.dirname, '.peer');

interface Manifest {
  dependencies: Record<string, string>;
}

function installed(manifest: Manifest): boolean {
  return Object.entries(manifest.dependencies).every(([name, version]) => {
    const file = join(installDir, 'node_modules', name, 'package.json');
    return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version === version;
  });
}

/** A `require` that resolves the peer's packages, installing them the first time. */
export function peerRequire(): NodeJS.Require {
  const manifest = JSON.parse(readFileSync(join(manifestDir, 'package.json'), 'utf8')) as Manifest;
  if (!installed(manifest)) {
    mkdirSync(installDir, { recursive: true });
    for (const file of ['package.json', 'package-lock.json'])
      copyFileSync(join(manifestDir, file), join(installDir, file));
    console.error('bench: installing PouchDB and pouchdb-server into test/bench/.peer (first run only)');
    // pouchdb-server's LevelDB and SQLite back ends would compile native code: the benchmark runs it in memory.
    execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: installDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return createRequire(join(installDir, 'package.json'));
}
