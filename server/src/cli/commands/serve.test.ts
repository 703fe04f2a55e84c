import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTaxonomy } from '@gom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../storage/sqlite';
import { spawnGomServe } from '../../test-server-process';
import { pushNewItem } from '../../test-support';

const unit = defaultTaxonomy.unit;

describe('gom serve', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gom-serve-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('warns of the units of a database file put back behind the revisions it had answered', async () => {
    const db = join(dir, 'gom.db');
    const clip = async (n: number) => {
      const storage = openSqliteStorage(db);
      if (n === 1) await storage.addUnit(unit);
      await pushNewItem(storage, unit.id, `Báo cáo ${n}`, `mutation0${n}`);
      await storage.close();
    };
    await clip(1);
    copyFileSync(db, join(dir, 'backup.db'));
    await clip(2);
    copyFileSync(join(dir, 'backup.db'), db);

    const server = await spawnGomServe(['--db', db]);
    server.child.kill('SIGTERM');
    await server.exited;
    const warning = server.startupLog
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: string; units?: unknown })
      .find((entry) => entry.level === 'warn');
    expect(warning?.units).toEqual([{ unitId: unit.id, rev: 1, handedOut: 2 }]);
  });

  it('takes the extension ids CORS admits, and whether it trusts the proxy, from the environment', async () => {
    const ownBuild = 'abcdefghijklmnopabcdefghijklmnop';
    const server = await spawnGomServe(['--db', join(dir, 'gom.db')], {
      GOM_EXTENSION_IDS: ` ${ownBuild} ,5f0c9a7e-3a1d-4c52-9a57-0f7b6d6e2c11`,
      GOM_TRUST_PROXY: '1',
    });
    try {
      const preflight = async (origin: string) =>
        (
          await fetch(`${server.url}/v1/sync/push`, {
            method: 'OPTIONS',
            headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
          })
        ).headers.get('access-control-allow-origin');
      expect(await preflight(`chrome-extension://${ownBuild}`)).toBe(`chrome-extension://${ownBuild}`);
      expect(await preflight('chrome-extension://ccjbpeiejpoifgaabplpnfafapmdhcjd')).toBeNull();

      const pull = async (client: string) =>
        (
          await fetch(`${server.url}/v1/sync/pull`, {
            headers: { Authorization: 'Bearer gom_wrong', 'X-Forwarded-For': client },
          })
        ).status;
      for (let i = 0; i < 20; i += 1) expect(await pull('203.0.113.7')).toBe(401);
      expect(await pull('203.0.113.7')).toBe(429);
      expect(await pull('198.51.100.2')).toBe(401);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
