import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGom as gom } from '../gom-runner';

const PDF_TEXT =
  'Tham mưu UBND tỉnh ban hành Kế hoạch đón Đoàn công \n\ntác Đại sứ quán Lào\n\n 2 \n\ntại tỉnh ; xong .\n- Báo cáo'.normalize(
    'NFD',
  );

describe('gom normalize', () => {
  it('joins a PDF text back into NFC paragraphs, from a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gom-normalize-')), 'pdf.txt');
    writeFileSync(file, PDF_TEXT);
    const { code, stdout } = await gom(['normalize', file]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Tham mưu UBND tỉnh ban hành Kế hoạch đón Đoàn công tác Đại sứ quán Lào tại tỉnh; xong.\n- Báo cáo\n',
    );
    expect(stdout).toBe(stdout.normalize('NFC'));
  }, 30_000);

  it('cleans every line on its own with --lines, from stdin', async () => {
    const { code, stdout } = await gom(['normalize', '--lines', '-'], 'Góp ý  dự thảo ;\ncông văn ,số 2\n');
    expect(code).toBe(0);
    expect(stdout).toBe('Góp ý dự thảo;\ncông văn, số 2\n');
  }, 30_000);

  it('puts back the glyphs a broken PDF lost, inferred from the text, also line by line', async () => {
    const damaged =
      'Tham mưu UBND tỉnh cho phép  àm việc với  oàn Ph ng  iáo dục\nrà soát v n bản quy phạm pháp  uật\nNghị định số 64/2015/N -CP; t  chức,   nh đạo.\n';
    const typed = [
      'Tham mưu UBND tỉnh cho phép làm việc với Đoàn Phòng Giáo dục',
      'rà soát văn bản quy phạm pháp luật',
      'Nghị định số 64/2015/NĐ-CP; tổ chức, lãnh đạo.',
    ];
    const lines = await gom(['normalize', '--lines', '-'], damaged);
    expect(lines.code).toBe(0);
    expect(lines.stdout).toBe(`${typed.join('\n')}\n`);
    const whole = await gom(['normalize', '-'], damaged);
    expect(whole.stdout).toBe(`${typed.join(' ')}\n`);
  }, 30_000);

  it('takes the lost glyphs as given with --lost, line by line', async () => {
    const { code, stdout } = await gom(['normalize', '--lines', '--lost', 'lĐGăãắòỏổ', '-'], 'các  oại\nt  chức\n');
    expect(code).toBe(0);
    expect(stdout).toBe('các loại\ntổ chức\n');
  }, 30_000);

  it('converts TCVN3 and VNI runs to Unicode, mixed with Unicode in one text', async () => {
    const { code, stdout } = await gom(
      ['normalize', '--lines', '-'],
      '§oµn c«ng t¸c cña Së Ngo¹i vô\nTröôøng ñaïi hoïc vaø Bộ Công an\n',
    );
    expect(code).toBe(0);
    expect(stdout).toBe('Đoàn công tác của Sở Ngoại vụ\nTrường đại học và Bộ Công an\n');
  }, 30_000);

  it('prints help', async () => {
    const { code, stdout } = await gom(['normalize', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: gom normalize \[options\] \[file\]/);
  }, 30_000);
});
