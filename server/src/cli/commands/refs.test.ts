import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGom as gom } from '../gom-runner';

const TEXT =
  'Thực hiện Nghị định số 64/2015/NĐ-CP ngày 06/8/2015 của Chính phủ, Sở đã ban hành Công văn số 214/SNgV-VPTTr ngày 05 tháng 3 năm 2021 V/v hướng dẫn kê khai tài sản.\n';
const EXPECTED = [
  {
    ref: '64/2015/NĐ-CP',
    type: 'Nghị định',
    date: '2015-08-06',
    issuer: 'Chính phủ',
    summary: null,
    start: 23,
    end: 36,
  },
  {
    ref: '214/SNgV-VPTTr',
    type: 'Công văn',
    date: '2021-03-05',
    issuer: 'Sở Ngoại vụ',
    summary: 'hướng dẫn kê khai tài sản',
    start: 94,
    end: 108,
  },
];

describe('gom refs', () => {
  it('reads a file and prints every reference with exactly the fields the README names', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gom-refs-')), 'van-ban.txt');
    writeFileSync(file, TEXT);
    const { code, stdout } = await gom(['refs', file]);
    expect(code).toBe(0);
    const found = JSON.parse(stdout);
    expect(found).toEqual(EXPECTED);
    expect(Object.keys(found[0])).toEqual(['ref', 'type', 'date', 'issuer', 'summary', 'start', 'end']);
    expect(TEXT.slice(found[1].start, found[1].end)).toBe('214/SNgV-VPTTr');
  }, 30_000);

  it('reads stdin, with - or without an argument', async () => {
    for (const args of [['refs', '-'], ['refs']]) {
      const { code, stdout } = await gom(args, TEXT);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual(EXPECTED);
    }
    expect(JSON.parse((await gom(['refs'], 'không có văn bản nào')).stdout)).toEqual([]);
  }, 30_000);

  it('fails on stderr for a file that is not there', async () => {
    const { code, stdout, stderr } = await gom(['refs', '/nonexistent/gom.txt']);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/ENOENT/);
  }, 30_000);
});
