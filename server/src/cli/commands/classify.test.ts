import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGom as gom } from '../gom-runner';

interface Suggestion {
  category: string;
  confidence: number;
  top: Array<{ category: string; confidence: number }>;
}
const parse = (stdout: string): Suggestion[] =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Suggestion);

const dir = mkdtempSync(join(tmpdir(), 'gom-classify-'));
const MSI = 'Góp ý xử lý tài sản của Trung tâm MSI Hà Tĩnh';

describe('gom classify', () => {
  it('suggests a category for each line of a file: texts and JSON items, a user’s category kept', async () => {
    const file = join(dir, 'items.txt');
    writeFileSync(
      file,
      [
        'Thực hiện 256 trang biên dịch các loại',
        '',
        JSON.stringify({ text: 'Tham mưu UBND tỉnh cho phép 01 lưu học sinh Lào nhập cảnh', kind: 'result' }),
        JSON.stringify({ text: 'Ban hành Kế hoạch thi đua', category: 'other', categorySource: 'user' }),
      ].join('\n'),
    );
    const { code, stdout, stderr } = await gom(['classify', '--template', 'so-ngoai-vu', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = parse(stdout);
    expect(out.map((s) => s.category)).toEqual(['translation_services_tthc', 'delegations_consular', 'other']);
    for (const s of out) {
      expect(s.top[0]).toEqual({ category: s.category, confidence: s.confidence });
      expect(s.top.length).toBeLessThanOrEqual(3);
    }
  }, 30_000);

  it('learns the unit’s confirmed items first with --train, reading stdin', async () => {
    const train = join(dir, 'confirmed.jsonl');
    writeFileSync(
      train,
      [
        'Góp ý phương án xử lý tài sản của Trung tâm MSI',
        'Làm việc với Trung tâm MSI về tài sản dự án',
        'Báo cáo Trung tâm MSI',
      ]
        .map((text) => JSON.stringify({ text, category: 'intl_cooperation', lead: null }))
        .join('\n'),
    );
    const before = await gom(['classify', '--template', 'so-ngoai-vu', '-'], `${MSI}\n`);
    const after = await gom(['classify', '--template', 'so-ngoai-vu', '--train', train], `${MSI}\n`);
    expect(parse(before.stdout)[0]?.category).toBe('other');
    expect(after.code).toBe(0);
    expect(parse(after.stdout)[0]?.category).toBe('intl_cooperation');
  }, 30_000);

  it('refuses an unknown template and a bad training line, on stderr with a non-zero exit', async () => {
    const unknown = await gom(['classify', '--template', 'nope'], 'x\n');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/No template nope/);
    const train = join(dir, 'bad.jsonl');
    writeFileSync(train, '{"text": "Ban hành"}\n');
    const bad = await gom(['classify', '--template', 'so-ngoai-vu', '--train', train], 'x\n');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/bad\.jsonl:1: .*category/);
    expect(bad.stdout).toBe('');
  }, 30_000);

  it('prints help', async () => {
    const { code, stdout } = await gom(['classify', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: gom classify \[options\] \[file\]/);
  }, 30_000);
});
