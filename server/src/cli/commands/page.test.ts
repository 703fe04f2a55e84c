import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGom as gom } from '../gom-runner';

const fixtures = join(import.meta.dirname, '../../../../test/fixtures');

describe('gom page', () => {
  it('prints the documents of a list with exactly the fields the README names', async () => {
    const { code, stdout } = await gom([
      'page',
      join(fixtures, 'vnpt-ioffice-vbdi-cot-khong-ten-lop.html'),
      '--url',
      'https://sngv-nghean.vnptioffice.vn/qlvbdh/vbdi/dsvanbandi.aspx',
    ]);
    expect(code).toBe(0);
    const page = JSON.parse(stdout);
    expect(page.kind).toBe('list');
    expect(page.documents).toHaveLength(5);
    expect(Object.keys(page.documents[0])).toEqual([
      'ref',
      'type',
      'date',
      'issuer',
      'summary',
      'signer',
      'direction',
      'receivedOn',
      'dueOn',
    ]);
    expect(page.documents[0]).toEqual({
      ref: '1567/SNgV-HTQT',
      type: 'Công văn',
      date: '2024-04-02',
      issuer: 'Sở Ngoại vụ',
      summary: 'V/v phối hợp tổ chức đón tiếp Đoàn đại biểu tỉnh Xiêng Khoảng (Lào) thăm và làm việc tại Nghệ An',
      signer: 'Nguyễn Văn Minh',
      direction: 'outgoing',
      receivedOn: null,
      dueOn: null,
    });
  }, 30_000);

  it('says "none" for an article that only cites documents, and fails on stderr for a missing file', async () => {
    const article = await gom(['page', join(fixtures, 'tin-tuc-trien-khai-van-ban.html')]);
    expect(JSON.parse(article.stdout)).toEqual({ kind: 'none', documents: [] });
    const missing = await gom(['page', '/nonexistent/gom.html']);
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/ENOENT/);
  }, 30_000);
});
