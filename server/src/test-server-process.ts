import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const main = join(root, 'server/src/cli/main.ts');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** What it printed up to the line that says it listens, that line included. */
  startupLog: string;
}

/** `gom serve` as a child process on a free port; resolves once it listens. */
export function spawnGomServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  // Node itself with tsx's loader, not the tsx launcher, so that a signal reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, GOM_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((done, fail) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"url":"([^"]+)"/.exec(out);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        // Keep draining stdout, or a chatty server would block on a full pipe.
        child.stdout?.resume();
        done({ url: match[1], child, exited, startupLog: out });
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => fail(new Error(`gom serve exited with ${code}: ${out}`)));
  });
}
