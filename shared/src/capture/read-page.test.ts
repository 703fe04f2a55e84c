import { describe, expect, it } from 'vitest';
import { readFixture } from '../test-fixtures';
import { builtInAdapters } from './adapters';
import { parseDocument } from './dom-for-tests';
import { readPage } from './read-page';

const fixture = (name: string) => parseDocument(readFixture(name));

describe('readPage', () => {
  it('reads a list through its adapter', () => {
    const page = readPage(
      fixture('vnpt-ioffice-danh-sach-van-ban-di.html'),
      'http://127.0.0.1:4000/x',
      builtInAdapters,
    );
    expect(page).toMatchObject({ via: 'adapter', adapterId: 'vnpt-ioffice-outgoing-list' });
    expect(page.documents).toHaveLength(36);
  });

  it('falls back to the labels of a detail page no adapter knows', () => {
    const page = readPage(
      parseDocument(
        '<!doctype html><html><body><table><tr><th>Số ký hiệu</th><td>45/TB-UBND</td></tr><tr><th>Trích yếu</th><td>Thông báo kết luận</td></tr></table></body></html>',
      ),
      'https://qlvb.example.vn/',
      builtInAdapters,
    );
    expect(page).toMatchObject({
      via: 'labels',
      documents: [{ reference: '45/TB-UBND', type: 'Thông báo', issuer: 'Ủy ban nhân dân tỉnh' }],
    });
  });

  it('lists the documents a portal article cites, each once', () => {
    const page = readPage(fixture('cong-thong-tin-tin-tuc.html'), 'https://hatinh.gov.vn/tin-tuc', builtInAdapters);
    expect(page.via).toBe('text');
    expect(page.documents.map((d) => [d.reference, d.type, d.issuedOn, d.issuer])).toEqual([
      ['64/2015/NĐ-CP', 'Nghị định', '2015-08-06', 'Chính phủ'],
      ['51/2019/QĐ-UBND', 'Quyết định', '2019-09-20', 'Ủy ban nhân dân tỉnh'],
      ['09/KH-SNgV', 'Kế hoạch', '2021-03-02', 'Sở Ngoại vụ'],
      ['15-CT/TW', 'Chỉ thị', '2022-08-10', 'Trung ương'],
      ['210-KH/TU', 'Kế hoạch', null, 'Tỉnh ủy'],
      ['214/SNgV-VPTTr', 'Công văn', '2021-03-01', 'Sở Ngoại vụ'],
      ['03/2021/TT-BNG', 'Thông tư', '2021-10-28', 'Bộ Ngoại giao'],
    ]);
    expect(page.documents.find((d) => d.reference === '214/SNgV-VPTTr')?.summary).toBe(
      'hướng dẫn kê khai tài sản, thu nhập năm 2020',
    );
  });

  it('finds nothing on a page without documents', () => {
    expect(
      readPage(
        parseDocument('<!doctype html><html><body><p>Thời tiết hôm nay</p></body></html>'),
        'https://x.vn',
        builtInAdapters,
      ),
    ).toEqual({
      via: 'none',
      adapterId: null,
      documents: [],
    });
  });
});
