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
      kind: 'detail',
      via: 'reader',
      documents: [{ reference: '45/TB-UBND', type: 'Thông báo', issuer: 'Ủy ban nhân dân tỉnh' }],
    });
  });

  it('proposes none of the documents a portal article only cites', () => {
    const page = readPage(fixture('cong-thong-tin-tin-tuc.html'), 'https://hatinh.gov.vn/tin-tuc', builtInAdapters);
    expect(page).toEqual({ kind: 'none', via: 'none', adapterId: null, documents: [] });
  });

  it('refines the generic reading with the adapter: the adapter wins, the reader fills its gaps', () => {
    const page = readPage(fixture('vnpt-ioffice-van-ban-den.html'), 'https://hatinh.vnptioffice.vn/', builtInAdapters);
    expect(page).toMatchObject({ kind: 'list', via: 'adapter', adapterId: 'vnpt-ioffice-incoming-list' });
    expect(page.documents[0]).toMatchObject({ reference: '512/UBND-NV3', receivedOn: '2021-03-03', confidence: 1 });
  });

  it('finds nothing on a page without documents', () => {
    expect(
      readPage(
        parseDocument('<!doctype html><html><body><p>Thời tiết hôm nay</p></body></html>'),
        'https://x.vn',
        builtInAdapters,
      ),
    ).toEqual({
      kind: 'none',
      via: 'none',
      adapterId: null,
      documents: [],
    });
  });
});
