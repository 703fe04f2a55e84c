import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeMetadata, type DocumentMetadata, emptyMetadata } from './metadata';
import { documentLeads, retellSummary, sameSentence, suggestItem } from './suggest';

const data = join(import.meta.dirname, '../../data');
const jsonl = <T>(file: string): T[] =>
  readFileSync(join(data, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);

interface SampleDocument {
  id: string;
  itemId: string;
  type: string;
  number: string;
  date: string;
  summary: string;
  recipients: string[];
  signer: string;
  urgency: string | null;
}
interface SampleItem {
  id: string;
  lead: string | null;
  text: string;
}

const outgoing = (d: Partial<DocumentMetadata>): DocumentMetadata =>
  completeMetadata({ ...emptyMetadata(), direction: 'outgoing', ...d });

describe('retellSummary', () => {
  it.each([
    ['V/v góp ý dự thảo Kế hoạch hoạt động năm 2021', 'Công văn', 'góp ý dự thảo Kế hoạch hoạt động năm 2021'],
    ['Tờ trình về việc ban hành Kế hoạch đón Đoàn công tác', 'Tờ trình', 'Kế hoạch đón Đoàn công tác'],
    ['Tờ trình đề nghị cho phép 01 lưu học sinh nhập cảnh', 'Tờ trình', 'cho phép 01 lưu học sinh nhập cảnh'],
    [
      'Báo cáo kết quả xử lý vi phạm hành chính tháng 3 năm 2021',
      'Báo cáo',
      'kết quả xử lý vi phạm hành chính tháng 3 năm 2021',
    ],
    ['Kế hoạch ứng phó sự cố năm 2021', 'Kế hoạch', 'Kế hoạch ứng phó sự cố năm 2021'],
    ['V/v: Rà soát, thống kê đối tượng.', 'Công văn', 'rà soát, thống kê đối tượng'],
  ])('%s', (summary, type, retold) => expect(retellSummary(summary, type)).toBe(retold));
});

describe('suggestItem', () => {
  it.each([
    [
      { type: 'Tờ trình', summary: 'Tờ trình về việc ban hành Kế hoạch A', recipients: ['UBND tỉnh'] },
      documentLeads.advise,
      'Tham mưu UBND tỉnh Kế hoạch A.',
    ],
    [
      { type: 'Tờ trình', summary: 'Tờ trình đề nghị cử Đoàn', recipients: ['Thường trực Tỉnh ủy', 'HĐND tỉnh'] },
      documentLeads.adviseLeadership,
      null,
    ],
    [
      { reference: '231/SNgV-HTQT', summary: 'V/v góp ý hồ sơ dự án', recipients: ['Sở Kế hoạch và Đầu tư'] },
      documentLeads.sentToAgencies,
      'Văn bản gửi các cơ quan, đơn vị liên quan về việc góp ý hồ sơ dự án.',
    ],
    [
      { reference: '309/SNgV-HTQT', summary: 'V/v đề xuất một số nội dung', recipients: ['UBND tỉnh'] },
      documentLeads.advise,
      'Tham mưu UBND tỉnh đề xuất một số nội dung.',
    ],
    [
      {
        reference: '214/SNgV-VPTTr',
        summary: 'V/v hướng dẫn kê khai',
        recipients: ['các phòng, đơn vị trực thuộc Sở'],
      },
      documentLeads.issue,
      'Ban hành văn bản hướng dẫn kê khai.',
    ],
    [
      { reference: '61/BC-SNgV', summary: 'Báo cáo kết quả tháng 3', recipients: ['Sở Tư pháp'] },
      documentLeads.reportToAgencies,
      'Báo cáo gửi các cơ quan, đơn vị liên quan về kết quả tháng 3.',
    ],
    [
      { reference: '53/BC-SNgV', summary: 'Báo cáo thông tin hợp tác', recipients: ['Bộ Ngoại giao'] },
      documentLeads.report,
      'Báo cáo thông tin hợp tác.',
    ],
    [
      { reference: '14/KH-SNgV', summary: 'Kế hoạch ứng phó sự cố', recipients: ['các phòng, đơn vị trực thuộc Sở'] },
      documentLeads.issue,
      'Ban hành Kế hoạch ứng phó sự cố.',
    ],
  ])('%o', (document, lead, text) => {
    const suggested = suggestItem(outgoing(document));
    expect(suggested?.lead).toBe(lead);
    if (text) expect(suggested?.text).toBe(text);
  });

  it('gives a công văn the lead its unit uses for the drafting unit', () => {
    const leadByDraftingUnit = { VPTTr: 'Văn bản gửi các đơn vị, cơ quan liên quan về công tác văn phòng, thanh tra' };
    const document = outgoing({ reference: '254/SNgV-VPTTr', summary: 'V/v rà soát', recipients: ['Sở Y tế'] });
    expect(suggestItem(document, { leadByDraftingUnit })?.lead).toBe(leadByDraftingUnit.VPTTr);
  });

  it('turns a received document into the task of carrying it out', () => {
    const document = completeMetadata({
      ...emptyMetadata(),
      direction: 'incoming',
      reference: '389/BNG-LS',
      issuedOn: '2021-03-01',
      issuer: 'Bộ Ngoại giao',
      summary: 'V/v hướng dẫn công tác bảo hộ công dân năm 2021',
    });
    expect(suggestItem(document)).toEqual({
      lead: null,
      text: 'Triển khai thực hiện công văn số 389/BNG-LS ngày 01/03/2021 của Bộ Ngoại giao về việc hướng dẫn công tác bảo hộ công dân năm 2021.',
    });
  });
});

describe('golden: the March 2021 outgoing documents proposed as the lines of the monthly report', () => {
  const items = new Map(jsonl<SampleItem>('items.jsonl').map((item) => [item.id, item]));
  const march = jsonl<SampleDocument>('documents.jsonl').filter((d) => d.date.startsWith('2021-03'));
  const rows = march.map((d) => {
    const sample = items.get(d.itemId)!;
    const proposed = suggestItem(
      outgoing({ reference: d.number, type: d.type, issuedOn: d.date, summary: d.summary, recipients: d.recipients }),
    )!;
    const leadMatches =
      (proposed.lead ?? '') === (sample.lead ?? '') || sameSentence(proposed.lead ?? '', sample.lead ?? '');
    return {
      document: d.id,
      item: d.itemId,
      lead: leadMatches,
      both: leadMatches && sameSentence(proposed.text, sample.text),
      proposed: proposed.text,
      sample: sample.text,
    };
  });

  it('matches the sample lines it matched when this file was last written', async () => {
    const figures = {
      documents: rows.length,
      leadMatches: rows.filter((r) => r.lead).length,
      leadAndTextMatch: rows.filter((r) => r.both).length,
    };
    console.info(`golden suggestion figures: ${JSON.stringify(figures)}`);
    await expect(`${JSON.stringify(figures)}\n${rows.map((r) => JSON.stringify(r)).join('\n')}\n`).toMatchFileSnapshot(
      './__golden__/suggest-march-2021.jsonl',
    );
  });
});
