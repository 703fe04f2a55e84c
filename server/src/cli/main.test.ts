import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../storage/sqlite';
import { hashToken } from '../tokens';
import { runGom } from './gom-runner';

const gom = (...args: string[]) => runGom(args);

describe('gom command', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'gom-cli-')), 'gom.db');

  it('adds a unit, then a user whose token is stored only as a hash', async () => {
    const unit = await gom('unit', 'add', '--id', 'SNgV', '--name', 'Sở Ngoại vụ', '--db', db);
    expect(unit).toMatchObject({ code: 0, stdout: 'unit SNgV added (Sở Ngoại vụ)\n' });

    const user = await gom(
      'user',
      'add',
      '--unit',
      'SNgV',
      '--name',
      'Lê Văn A',
      '--role',
      'editor',
      '--json',
      '--db',
      db,
    );
    expect(user.code).toBe(0);
    const { token, userId } = JSON.parse(user.stdout) as { token: string; userId: string };
    expect(token).toMatch(/^gom_[A-Za-z0-9_-]{43}$/);

    const storage = openSqliteStorage(db);
    expect(await storage.findUserByTokenHash(hashToken(token))).toMatchObject({
      id: userId,
      unitId: 'SNgV',
      role: 'editor',
    });
    expect(await storage.findUserByTokenHash(token)).toBeUndefined();
    await storage.close();
  }, 30_000);

  it('refuses what it cannot do, on stderr with a non-zero exit', async () => {
    const duplicate = await gom('unit', 'add', '--id', 'SNgV', '--name', 'Lần hai', '--db', db);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toMatch(/already exists/);
    const noUnit = await gom('user', 'add', '--unit', 'NOPE', '--name', 'X', '--db', db);
    expect(noUnit.code).not.toBe(0);
    expect(noUnit.stderr).toMatch(/No unit NOPE/);
    const badRole = await gom('user', 'add', '--unit', 'SNgV', '--name', 'X', '--role', 'boss', '--db', db);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stdout).toBe('');
  }, 30_000);

  it('lists units and users, revokes a token, and round-trips a backup exactly', async () => {
    expect((await gom('unit', 'list', '--db', db)).stdout).toBe('SNgV\tSở Ngoại vụ\n');
    const listed = await gom('user', 'list', '--unit', 'SNgV', '--json', '--db', db);
    const [user] = listed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; revokedAt: null });
    expect(user).toMatchObject({ unitId: 'SNgV', revokedAt: null });
    expect(listed.stdout).not.toMatch(/token|gom_/i);
    const revoked = await gom('user', 'revoke', '--id', user!.id, '--db', db);
    expect(revoked.stdout).toMatch(new RegExp(`user ${user!.id} revoked at `));
    expect((await gom('user', 'revoke', '--id', 'nobody', '--db', db)).stderr).toMatch(/No user nobody/);

    const exported = await gom('export', '--unit', 'SNgV', '--db', db);
    expect(exported.code).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'gom-backup-')), 'SNgV.json');
    writeFileSync(file, exported.stdout);
    const copy = join(mkdtempSync(join(tmpdir(), 'gom-cli-')), 'copy.db');
    const imported = await gom('import', file, '--db', copy);
    expect(imported.stdout).toMatch(/unit SNgV imported: 1 users, 0 items/);
    const out = join(dirname(file), 'again.json');
    await gom('export', '--unit', 'SNgV', '--out', out, '--db', copy);
    expect(readFileSync(out, 'utf8')).toBe(exported.stdout);
    expect((await gom('import', file, '--db', copy)).stderr).toMatch(/already exists/);
  }, 30_000);

  it('gives a restored unit a new epoch, which its pulls then carry', async () => {
    const epochOf = async () => {
      const storage = openSqliteStorage(db);
      try {
        return (await storage.pullItems('SNgV', 0, 1)).epoch;
      } finally {
        await storage.close();
      }
    };
    const before = await epochOf();
    expect(await gom('unit', 'resync', '--id', 'SNgV', '--db', db)).toMatchObject({
      code: 0,
      stdout: 'unit SNgV: clients resync at their next sync\n',
    });
    const after = await epochOf();
    expect(after).not.toBe(before);
    expect((await gom('unit', 'resync', '--db', db)).stdout).toBe('unit SNgV: clients resync at their next sync\n');
    expect(await epochOf()).not.toBe(after);
    const unknown = await gom('unit', 'resync', '--id', 'NOPE', '--db', db);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/No unit NOPE/);
  }, 30_000);

  it('replaces a unit’s configuration from the console, versioned, and refuses what is invalid', async () => {
    const builtIn = await gom('config', 'get', '--unit', 'SNgV', '--kind', 'leads', '--db', db);
    expect(builtIn.code).toBe(0);
    const leads = JSON.parse(builtIn.stdout) as { leads: unknown[] };
    expect(leads.leads.length).toBeGreaterThan(3);

    const dir = mkdtempSync(join(tmpdir(), 'gom-config-'));
    const file = join(dir, 'leads.json');
    writeFileSync(file, JSON.stringify({ leads: leads.leads.slice(0, 3) }));
    const stored = await gom('config', 'put', '--unit', 'SNgV', '--kind', 'leads', file, '--db', db);
    expect(stored).toMatchObject({ code: 0, stdout: 'leads of unit SNgV: version 1 stored\n' });
    const current = JSON.parse((await gom('config', 'get', '--unit', 'SNgV', '--kind', 'leads', '--db', db)).stdout);
    expect(current.leads).toHaveLength(3);

    const bad = join(dir, 'rules.json');
    writeFileSync(bad, JSON.stringify({ rules: [{ category: 'weather', when: {} }] }));
    const refused = await gom('config', 'put', '--unit', 'SNgV', '--kind', 'rules', bad, '--db', db);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/nothing was stored:\n {2}rules\.0\.category: .*Category "weather"/);
    expect((await gom('config', 'versions', '--unit', 'SNgV', '--kind', 'rules', '--db', db)).stdout).toBe('');
    expect((await gom('config', 'versions', '--unit', 'SNgV', '--kind', 'leads', '--db', db)).stdout).toMatch(
      /^1\tgom-cli\t\d{4}-/,
    );
    expect((await gom('config', 'get', '--unit', 'NOPE', '--kind', 'leads', '--db', db)).stderr).toMatch(
      /No unit NOPE/,
    );
  }, 60_000);

  it('prints help for every command', async () => {
    for (const args of [
      ['--help'],
      ['serve', '--help'],
      ['unit', 'add', '--help'],
      ['unit', 'list', '--help'],
      ['unit', 'resync', '--help'],
      ['user', 'add', '--help'],
      ['user', 'list', '--help'],
      ['user', 'revoke', '--help'],
      ['export', '--help'],
      ['import', '--help'],
      ['config', 'get', '--help'],
      ['config', 'put', '--help'],
      ['config', 'versions', '--help'],
    ]) {
      const help = await gom(...args);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Usage: gom/);
    }
  }, 60_000);
});
