import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runGom as gom } from '../gom-runner';

it('gom assemble refuses a period longer than a leap year, in both languages, and writes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gom-assemble-period-'));
  const items = join(dir, 'items.jsonl');
  writeFileSync(items, `${JSON.stringify({ text: 'Tổ chức Hội nghị hợp tác với tỉnh bạn Lào.' })}\n`);
  const out = join(dir, 'bao-cao.txt');
  const args = ['assemble', '--template', 'so-ngoai-vu', '--items', items, '--out', out];
  const { code, stderr } = await gom([...args, '--period', '2024-01-01..2025-01-01']);
  expect(code).not.toBe(0);
  expect(stderr).toContain(
    'Kỳ báo cáo dài tối đa 366 ngày, kỳ 2024-01-01..2025-01-01 dài 367 ngày / A period covers at most 366 days; 2024-01-01..2025-01-01 covers 367',
  );
  expect(existsSync(out)).toBe(false);
  expect((await gom([...args, '--period', '2024-01-01..2024-12-31'])).code).toBe(0);
  expect(existsSync(out)).toBe(true);
});
