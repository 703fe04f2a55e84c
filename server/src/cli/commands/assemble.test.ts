import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runGom as gom } from '../gom-runner';

const dir = mkdtempSync(join(tmpdir(), 'gom-assemble-'));
const lines = join(dir, 'items.jsonl');
writeFileSync(
  lines,
  [
    JSON.stringify({ text: 'Tổ chức Hội nghị hợp tác với tỉnh bạn Lào.' }),
    '',
    JSON.stringify({ text: 'Thực hiện 256 trang biên dịch các loại.', category: 'translation_services_tthc' }),
    JSON.stringify({ text: 'Tổ chức Lớp học tiếng Lào.', kind: 'plan' }),
    JSON.stringify({ text: 'Việc của tháng trước.', occurredOn: '2021-02-27' }),
  ].join('\n'),
);

describe('gom assemble', () => {
  it('writes the month’s report as text from JSON lines of partial items', async () => {
    const out = join(dir, 'thang.txt');
    const args = ['assemble', '--template', 'so-ngoai-vu', '--period', '2021-03', '--items', lines, '--out', out];
    const { code, stderr } = await gom([...args, '--issued-on', '2021-03-31']);
    expect(stderr).toContain('3 mục / items, tháng 3/2021');
    expect(code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Hà Tĩnh, ngày 31 tháng 3 năm 2021');
    expect(text).toContain('Hoạt động đối ngoại tháng 3/2021, kế hoạch tháng 4/2021');
    // No category given: the pipeline suggests one.
    expect(text).toMatch(/1\. Hoạt động hợp tác quốc tế\n\n- Tổ chức Hội nghị hợp tác với tỉnh bạn Lào\./);
    expect(text).toMatch(
      /Công tác dịch thuật, dịch vụ và thủ tục hành chính\n\n- Thực hiện 256 trang biên dịch các loại\./,
    );
    expect(text).toMatch(/II\. KẾ HOẠCH TRỌNG TÂM THÁNG 4\/2021\n\n- Tổ chức Lớp học tiếng Lào\./);
    expect(text).not.toContain('Việc của tháng trước.');
  });

  it('reads a file of plain lines, one item text a line, as gom classify does, and closes every bullet', async () => {
    const plain = join(dir, 'items.txt');
    writeFileSync(plain, 'Tiếp đoàn công tác của tỉnh Khăm Muộn\n\nĐã ký 02 thỏa thuận hợp tác với tỉnh bạn Lào;\n');
    const out = join(dir, 'dong.txt');
    const args = ['assemble', '--template', 'so-ngoai-vu', '--period', '2021-03', '--items', plain, '--out', out];
    const { code, stderr } = await gom(args);
    expect(stderr).toContain('2 mục / items, tháng 3/2021');
    expect(code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('- Tiếp đoàn công tác của tỉnh Khăm Muộn.\n');
    expect(text).toContain('- Đã ký 02 thỏa thuận hợp tác với tỉnh bạn Lào.\n');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it.each(['docx', 'html', 'md'])('writes .%s from a JSON array', async (ext) => {
    const array = join(dir, 'items.json');
    writeFileSync(array, JSON.stringify([{ text: 'Tổ chức Hội nghị tổng kết năm.', occurredOn: '2023-10-02' }]));
    const out = join(dir, `nam.${ext}`);
    const args = ['--template', 'so-ngoai-vu-year', '--period', '2023', '--items', array, '--out', out];
    const { code, stderr } = await gom(['assemble', ...args, '--as-of', '2023-10-20']);
    expect(stderr).toContain('1 mục / items, năm 2023');
    expect(code).toBe(0);
    const bytes = readFileSync(out);
    const text =
      ext === 'docx' ? strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!) : bytes.toString('utf8');
    // One result and no plans: the summary promises none.
    expect(text).toMatch(/Kết quả công tác đối ngoại năm 2023(?!,)/);
    expect(text).not.toContain('nhiệm vụ trọng tâm năm 2024');
    expect(text).toContain('10 tháng đầu năm 2023');
    expect(text).toContain('Tổ chức Hội nghị tổng kết năm.');
  });

  it('says how far the data reaches when the report is issued before its period ends', async () => {
    const out = join(dir, 'nam-thang-10.txt');
    const args = ['--template', 'so-ngoai-vu-year', '--period', '2023', '--items', lines, '--out', out];
    const { code } = await gom(['assemble', ...args, '--issued-on', '2023-10-20']);
    expect(code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Hà Tĩnh, ngày 20 tháng 10 năm 2023');
    expect(text).toContain('báo cáo kết quả công tác đối ngoại 10 tháng đầu năm 2023');
  });

  it.each([
    [['--period', '2021-Q1'], /is for a month period, not 2021-Q1/],
    [['--period', 'tháng ba'], /Not a period/],
    [['--out', 'bao-cao.pdf'], /--out must end in one of them/],
    [['--template', 'none'], /No template: none/],
    [['--issued-on', '31/3/2021'], /--issued-on must be a date/],
    [['--issued-on', '2021-02-29'], /--issued-on must be a date/],
    [['--items', 'bad'], /items.bad:2: mục không hợp lệ \/ invalid item/],
  ])('refuses %j with a clear error and writes nothing', async (override, message) => {
    const bad = join(dir, 'items.bad');
    writeFileSync(bad, `${JSON.stringify({ text: 'Một việc.' })}\n${JSON.stringify({ kind: 'plan' })}\n`);
    const flags: Record<string, string> = {
      '--template': 'so-ngoai-vu',
      '--period': '2021-03',
      '--items': lines,
      '--out': join(dir, `refused-${Math.random().toString(36).slice(2)}.txt`),
    };
    const [flag, value] = override as [string, string];
    flags[flag] = flag === '--items' ? bad : flag === '--out' ? join(dir, value) : value;
    const { code, stderr } = await gom(['assemble', ...Object.entries(flags).flat()]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Lỗi \/ Error/);
    expect(stderr).toMatch(message);
    expect(existsSync(flags['--out']!)).toBe(false);
  });
});
