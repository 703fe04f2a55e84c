import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/**
 * What `pnpm package` writes, copied out of the repository and run with Node alone, as a province's
 * IT installs it (docs/deploy.md, "Install"): no tsx, no workspace `node_modules` above it, no source.
 */
describe('the server package', () => {
  let work: string;
  let installed: string;
  let server: ChildProcess | undefined;
  // Only what a service's environment holds: no NODE_OPTIONS or loader that the test runner set.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir() };
  const gom = (...args: string[]) => run(process.execPath, ['gom.mjs', ...args], { cwd: installed, env });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gom-package-'));
    const built = join(work, 'dist');
    execFileSync(join(root, 'node_modules/.bin/tsx'), ['tools/package/main.ts', '--server-only', '--out', built], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    installed = join(work, 'opt', 'gom');
    cpSync(join(built, 'gom-server'), installed, { recursive: true });
    rmSync(built, { recursive: true });
  }, 60_000);

  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  });

  it('holds the bundle, its worker entries, its dependencies and a package.json naming them and the bin', () => {
    for (const file of ['gom.mjs', 'report-worker.mjs', 'checkpointer.mjs', 'LICENSE']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const workspace = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(manifest.version).toBe(workspace.version);
    expect(manifest.bin).toEqual({ gom: './gom.mjs' });
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['better-sqlite3', 'pg']);
    expect(existsSync(join(installed, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    // The build machine's paths would tell nothing to the machine it runs on.
    expect(readFileSync(join(installed, 'gom.mjs'), 'utf8')).not.toContain(root);
  });

  it('runs the gom commands and serves sync, health and a report built on a worker thread', async () => {
    expect((await gom('--version')).stdout.trim()).toBe(
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    );
    const db = ['--db', join(installed, 'data/gom.db')];
    await gom('unit', 'add', '--id', 'SNgV', '--name', 'Sở Ngoại vụ', ...db);
    const { stdout: userJson } = await gom('user', 'add', '--unit', 'SNgV', '--name', 'Chuyên viên', '--json', ...db);
    const { token } = JSON.parse(userJson) as { token: string };
    expect((await gom('unit', 'list', ...db)).stdout).toContain('SNgV');

    const child = spawn(process.execPath, ['gom.mjs', 'serve', '--port', '0', ...db], { cwd: installed, env });
    server = child;
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /"url":"([^"]+)"/.exec(out);
        if (match?.[1]) done(match[1]);
      });
      child.once('exit', (code) => fail(new Error(`gom serve exited with ${code}: ${out}`)));
    });
    const auth = { Authorization: `Bearer ${token}` };

    const health = await fetch(`${url}/v1/health`, { headers: { 'X-Request-Id': 'proxy-1' } });
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toBe('proxy-1');
    expect(await health.json()).toEqual({ status: 'ok' });

    const itemId = randomUUID();
    const push = await fetch(`${url}/v1/sync/push`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        clientId: 'clientA',
        mutations: [
          {
            mutationId: 'package00001',
            itemId,
            hlc: `${Date.UTC(2025, 2, 3)}-0000-clientA`,
            set: { text: 'Tiếp đoàn công tác', kind: 'result', createdAt: '2025-03-03T02:00:00.000Z' },
          },
        ],
      }),
    });
    expect(push.status).toBe(200);
    expect(await push.json()).toMatchObject({ applied: ['package00001'] });

    const pull = await fetch(`${url}/v1/sync/pull`, { headers: auth });
    expect(pull.status).toBe(200);
    const { items } = (await pull.json()) as { items: Array<{ id: string; fields: { text?: string } }> };
    expect(items.map((item) => [item.id, item.fields.text])).toEqual([[itemId, 'Tiếp đoàn công tác']]);

    const report = await fetch(`${url}/v1/reports/month/2025-03.docx`, { headers: auth });
    expect(report.status).toBe(200);
    expect(new Uint8Array(await report.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));

    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('gom_sync_mutations_applied_total 1');

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(0);
    server = undefined;

    const { stdout: backup } = await gom('export', '--unit', 'SNgV', ...db);
    expect(JSON.parse(backup).items).toHaveLength(1);
  });
});
