import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGom as gom } from '../gom-runner';

const dir = mkdtempSync(join(tmpdir(), 'gom-learn-'));
const db = join(dir, 'gom.db');
const sample = (name: string) => resolve(import.meta.dirname, '../../../../shared/data', name);

describe('gom learn', () => {
  it('learns a unit’s past reports into a new version of its model and its leads', async () => {
    expect((await gom(['unit', 'add', '--id', 'SNgV', '--name', 'Sở Ngoại vụ', '--db', db])).code).toBe(0);
    const learned = await gom([
      'learn',
      '--unit',
      'SNgV',
      '--db',
      db,
      sample('bao-cao-thang-2021-03.md'),
      sample('bao-cao-6-thang-2022.txt'),
    ]);
    expect(learned.stderr).toContain('bao-cao-thang-2021-03.md: học 41 việc');
    expect(learned.stderr).toContain('matches no category: "Báo cáo về vai trò của Sở Ngoại vụ');
    expect(learned.code).toBe(0);
    expect(learned.stdout).toMatch(/^model of unit SNgV: version 1, 69 items learned; \d+ new leads\n$/);
    const model = JSON.parse((await gom(['config', 'get', '--unit', 'SNgV', '--kind', 'model', '--db', db])).stdout);
    expect(model.learned).toBe(69);
    const leads = JSON.parse((await gom(['config', 'get', '--unit', 'SNgV', '--kind', 'leads', '--db', db])).stdout);
    expect(leads.leads.some((l: { id: string }) => l.id.startsWith('learned-'))).toBe(true);
  }, 60_000);

  it('refuses a file it cannot read, and learns nothing', async () => {
    const refused = await gom(['learn', '--unit', 'SNgV', '--db', db, sample('documents.jsonl')]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/không đọc được báo cáo/);
    const versions = await gom(['config', 'versions', '--unit', 'SNgV', '--kind', 'model', '--db', db]);
    expect(versions.stdout.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
