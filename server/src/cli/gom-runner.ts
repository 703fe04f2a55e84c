import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The repository root, where the `gom` command runs from in the tests. */
const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const main = join(root, 'server/src/cli/main.ts');

export interface GomResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Test support: `gom ARGS` run through tsx, with `stdin` piped in when given. */
export function runGom(args: string[], stdin?: string): Promise<GomResult> {
  return new Promise((done) => {
    const child = spawn(tsx, [main, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
