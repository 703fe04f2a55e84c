import { describe, expect, it } from 'vitest';
import { readFixture } from '../test-fixtures';
import { parseDocument } from './dom-for-tests';
import { scanLabels } from './labels';

const body = (html: string) => parseDocument(`<!doctype html><html><body>${html}</body></html>`).body;

describe('scanLabels', () => {
  it.each([
    [
      'a label table',
      '<table><tr><th>Số ký hiệu</th><td>17/TTr-SNgV</td></tr><tr><th>Ngày ban hành:</th><td>03/03/2021</td></tr><tr><td>Trích yếu</td><td> Tờ trình về việc A </td></tr></table>',
      { reference: '17/TTr-SNgV', issuedOn: '2021-03-03', summary: 'Tờ trình về việc A' },
    ],
    [
      'two pairs in one row',
      '<table><tr><td>Ký hiệu</td><td>389/BNG-LS</td><td>Ngày VB</td><td>01/03/2021</td></tr><tr><td>Cơ quan ban hành</td><td>Bộ Ngoại giao</td><td>Độ khẩn</td><td>Khẩn</td></tr></table>',
      { reference: '389/BNG-LS', issuedOn: '2021-03-01', issuer: 'Bộ Ngoại giao', urgency: 'Khẩn' },
    ],
    [
      'a definition list of an incoming document',
      '<dl><dt>Số đến</dt><dd>845</dd><dt>Ngày đến</dt><dd>03/03/2021</dd><dt>Nơi gửi</dt><dd>UBND tỉnh</dd><dt>Hạn xử lý</dt><dd>10/3/2021</dd><dt>Người ký</dt><dd>Võ Trọng Hải</dd></dl>',
      {
        arrivalNumber: '845',
        receivedOn: '2021-03-03',
        issuer: 'UBND tỉnh',
        dueOn: '2021-03-10',
        signer: 'Võ Trọng Hải',
        direction: 'incoming',
      },
    ],
    [
      '"Label: value" lines',
      '<div><p><b>Số ký hiệu:</b> 512/UBND-NV3</p><p>Trích yếu: V/v tổ chức Hội nghị</p><p>Ngày ban hành: ngày 02 tháng 3 năm 2021</p><p>Nơi nhận: Sở Ngoại vụ; Sở Nội vụ</p></div>',
      {
        reference: '512/UBND-NV3',
        summary: 'V/v tổ chức Hội nghị',
        issuedOn: '2021-03-02',
        recipients: ['Sở Ngoại vụ', 'Sở Nội vụ'],
        direction: 'outgoing',
      },
    ],
    [
      'labels written in another case and tone placement',
      '<table><tr><th>SỐ KÝ HIỆU</th><td>Số: 219/SNgV-LS</td></tr><tr><th>Trích yếu nội dung</th><td>V/v hoá đơn</td></tr></table>',
      { reference: '219/SNgV-LS', summary: 'V/v hoá đơn' },
    ],
  ])('%s', (_name, html, expected) => {
    expect(scanLabels(body(html))).toMatchObject(expected);
  });

  it('keeps the first value a label gets and ignores unknown labels', () => {
    const found = scanLabels(
      body(
        '<table><tr><th>Trích yếu</th><td>A</td></tr><tr><th>Trích yếu</th><td>B</td></tr><tr><th>Ghi chú</th><td>C</td></tr></table>',
      ),
    );
    expect(found.summary).toBe('A');
    expect(Object.values(found).filter((v) => v !== null)).toEqual(['A']);
  });

  it('reads the detail page fixture', () => {
    const page = parseDocument(readFixture('vnpt-ioffice-van-ban-di.html'));
    expect(scanLabels(page.body)).toMatchObject({
      reference: '17/TTr-SNgV',
      type: 'Tờ trình',
      issuedOn: '2021-03-03',
      recipients: ['UBND tỉnh'],
      signer: 'Giám đốc',
      urgency: null,
      direction: 'outgoing',
    });
  });
});
