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
        JSON.stringify({ text: 'Cử đoàn cán bộ đi công tác nước ngoài', kind: 'result' }),
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
    }
    expect(out.slice(0, 2).map((s) => s.top.length)).toEqual([3, 3]);
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
    expect(parse(before.stdout)[0]?.category).not.toBe('intl_cooperation');
    expect(after.code).toBe(0);
    expect(parse(after.stdout)[0]?.category).toBe('intl_cooperation');
  }, 30_000);

  it('learns the sections and leads of a report the unit issued before with --learn', async () => {
    const report = join(dir, 'bao-cao-truoc.md');
    writeFileSync(
      report,
      [
        '#### **I. KẾT QUẢ THỰC HIỆN**',
        '##### **1. Hoạt động hợp tác quốc tế**',
        '- Làm việc với Trung tâm MSI về tài sản dự án hợp tác.',
        '- Góp ý phương án xử lý tài sản của Trung tâm MSI.',
        '- Báo cáo tình hình tài sản Trung tâm MSI.',
        '##### **2. Công tác trực ban**',
        '- Trực ban ngày lễ.',
        '#### **II. KẾ HOẠCH TRỌNG TÂM THÁNG TỚI**',
        '- Làm việc với Trung tâm MSI.',
      ].join('\n'),
    );
    const learned = await gom(['classify', '--template', 'so-ngoai-vu', '--learn', report], `${MSI}\n`);
    expect(learned.code).toBe(0);
    expect(parse(learned.stdout)[0]?.category).toBe('intl_cooperation');
    expect(learned.stderr).toContain('học 3 việc');
    expect(learned.stderr).toContain('"Công tác trực ban"');
    const pdf = join(dir, 'bao-cao.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    const refused = await gom(['classify', '--template', 'so-ngoai-vu', '--learn', pdf], `${MSI}\n`);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/không đọc được báo cáo/);
    expect(refused.stdout).toBe('');
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
