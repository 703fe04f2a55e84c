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
});
