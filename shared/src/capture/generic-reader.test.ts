import { describe, expect, it } from 'vitest';
import { fieldsNamed } from './columns';
import { parseDocument } from './dom-for-tests';
import { readDocuments } from './generic-reader';
import { visibleLines } from './page-text';

const page = (body: string, title = '') =>
  parseDocument(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`);

describe('visibleLines', () => {
  it('keeps neighbouring cells and inline parts apart, as a person sees them', () => {
    const row = page('<table><tr><td>1</td><td><a>1567/SNgV-HTQT</a></td><td>02/04/2024</td></tr></table>');
    expect(visibleLines(row.body)).toEqual(['1', '1567/SNgV-HTQT', '02/04/2024']);
    const inline = page('<p><a>1567/SNgV-HTQT</a><span>02/04/2024</span> Tr<b>ích</b> yếu</p>');
    expect(visibleLines(inline.body)).toEqual(['1567/SNgV-HTQT 02/04/2024 Trích yếu']);
  });
});

describe('fieldsNamed', () => {
  it.each([
    ['Số ký hiệu', ['reference']],
    ['Số/ Ký hiệu', ['reference']],
    ['SỐ KÍ HIỆU', ['reference']],
    ['Ký hiệu', ['reference']],
    ['Số hiệu văn bản', ['reference']],
    ['Trích yếu nội dung', ['summary']],
    ['Về việc / trích yếu', ['summary']],
    ['Người kí', ['signer']],
    ['Số ký hiệu / Ngày VB', ['reference', 'issuedOn']],
    ['Số đến', ['arrivalNumber']],
    ['Ngày đến', ['receivedOn']],
    ['so_ky_hieu', ['reference']],
    ['dcm_code', ['reference']],
    ['dcm_title', ['summary']],
    ['data-ngay-den', ['receivedOn']],
    ['STT', []],
    ['Thao tác', []],
  ])('%s', (name, fields) => {
    expect(fieldsNamed(name)).toEqual(fields);
  });
});

describe('readDocuments', () => {
  it('reads cells by position when rows carry more cells than the header names', () => {
    const read = readDocuments(
      page(
        '<table><tr><th>Số kí hiệu</th><th>Ngày văn bản</th><th>Trích yếu</th></tr>' +
          '<tr><td><input type="checkbox"></td><td>12/SNgV-VP</td><td>03-04-2024</td><td>V/v cử cán bộ dự tập huấn</td><td>Xem</td></tr>' +
          '<tr><td><input type="checkbox"></td><td>13/SNgV-VP</td><td>04-04-2024</td><td>V/v góp ý dự thảo quy chế</td><td>Xem</td></tr></table>',
      ),
    );
    expect(read.kind).toBe('list');
    expect(read.documents.map((d) => [d.reference, d.issuedOn, d.summary])).toEqual([
      ['12/SNgV-VP', '2024-04-03', 'V/v cử cán bộ dự tập huấn'],
      ['13/SNgV-VP', '2024-04-04', 'V/v góp ý dự thảo quy chế'],
    ]);
  });

  it('strips the status a system prints before a trích yếu', () => {
    const read = readDocuments(
      page(
        '<table><tr><td>Số ký hiệu</td><td>Trích yếu</td></tr><tr><td>5/SNgV-LS</td><td>Có văn bản phúc đáp - V/v xác minh nhân thân công dân</td></tr></table>',
      ),
    );
    expect(read.documents[0]?.summary).toBe('V/v xác minh nhân thân công dân');
  });

  it('proposes no row that has neither a reference nor a summary, and says when nothing is listed', () => {
    const read = readDocuments(
      page(
        '<table><tr><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th><th>Nơi nhận</th></tr><tr><td></td><td>01/01/2024</td><td>-</td><td>nơi nhận.</td></tr></table>',
      ),
    );
    expect(read).toEqual({ kind: 'none', documents: [], rows: [] });
  });

  it('grades its confidence by what it found', () => {
    const read = readDocuments(
      page(
        '<table><tr><th>Ký hiệu</th><th>Trích yếu</th></tr><tr><td>7/KH-SNgV</td><td></td></tr><tr><td></td><td>Dự thảo kế hoạch đối ngoại năm 2025</td></tr></table>',
      ),
    );
    expect(read.documents.map((d) => d.confidence)).toEqual([0.55, 0.35]);
  });

  it('takes the register from the page when the columns do not tell', () => {
    const html =
      '<h2>Văn bản đến</h2><table><tr><th>Số ký hiệu</th><th>Trích yếu</th></tr><tr><td>9/UBND-VX</td><td>V/v tổ chức hội nghị</td></tr></table>';
    expect(readDocuments(page(html)).documents[0]?.direction).toBe('incoming');
  });
});
