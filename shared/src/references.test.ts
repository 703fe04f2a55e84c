import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeReference, findReferences, isReference, issuerAbbreviations, parseDocumentDate } from './references';

const data = join(import.meta.dirname, '../data');

interface SampleDocument {
  id: string;
  type: string;
  number: string;
  date: string;
  summary: string;
}
const documents: SampleDocument[] = readFileSync(join(data, 'documents.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));

describe('findReferences', () => {
  it.each([
    [
      'Văn bản số 3195/SKHĐT-TH ngày 16/10/2023 của Sở Kế hoạch và Đầu tư',
      '3195/SKHĐT-TH',
      'Văn bản',
      '2023-10-16',
      'Sở Kế hoạch và Đầu tư',
    ],
    [
      'Nghị định số 64/2015/NĐ-CP ngày 06/8/2015 của Chính phủ',
      '64/2015/NĐ-CP',
      'Nghị định',
      '2015-08-06',
      'Chính phủ',
    ],
    [
      'Quyết định số 51/2019/QĐ-UBND ngày 20/9/2019 của UBND tỉnh',
      '51/2019/QĐ-UBND',
      'Quyết định',
      '2019-09-20',
      'Ủy ban nhân dân tỉnh',
    ],
    ['Chỉ thị số 15-CT/TW ngày 10/8/2022 của Ban Bí thư', '15-CT/TW', 'Chỉ thị', '2022-08-10', 'Trung ương'],
    ['Kế hoạch số 210-KH/TU', '210-KH/TU', 'Kế hoạch', null, 'Tỉnh ủy'],
    ['Thông tư số 03/2021/TT-BNG ngày 28/10/2021', '03/2021/TT-BNG', 'Thông tư', '2021-10-28', 'Bộ Ngoại giao'],
    ['Công văn 214/SNgV-VPTTr ngày 05 tháng 3 năm 2025', '214/SNgV-VPTTr', 'Công văn', '2025-03-05', 'Sở Ngoại vụ'],
    ['theo 17/TTr-SNgV, ngày 13/5/2022', '17/TTr-SNgV', 'Tờ trình', '2022-05-13', 'Sở Ngoại vụ'],
    ['căn cứ 05-NQ/TU', '05-NQ/TU', 'Nghị quyết', null, 'Tỉnh ủy'],
    ['Số: 219/SNgV-LS', '219/SNgV-LS', 'Công văn', null, 'Sở Ngoại vụ'],
    [
      'Quyết định số 12/2020/QĐ-XYZ ngày 01/02/2020 của Bộ Ngoại giao về nghi lễ',
      '12/2020/QĐ-XYZ',
      'Quyết định',
      '2020-02-01',
      'Bộ Ngoại giao',
    ],
  ])('%s', (text, ref, type, date, issuer) => {
    const [found] = findReferences(text);
    expect(found).toMatchObject({ ref, type, date, issuer });
    expect(text.slice(found!.start, found!.end)).toBe(ref);
  });

  it.each([
    [
      'Công văn số 226/SNgV-VPTTr ngày 03/3/2021 V/v góp ý dự thảo Kế hoạch hoạt động năm 2021.',
      'góp ý dự thảo Kế hoạch hoạt động năm 2021',
    ],
    ['Công văn số 231/SNgV-HTQT về việc góp ý hồ sơ đề xuất Dự án; và việc khác', 'góp ý hồ sơ đề xuất Dự án'],
    ['Tờ trình 17/TTr-SNgV ngày 03/3/2021 của Sở Ngoại vụ', null],
  ])('reads the summary after V/v or về việc: %s', (text, summary) => {
    expect(findReferences(text)[0]?.summary).toBe(summary);
  });

  it('takes the issuers from the table a unit passes', () => {
    const issuers = { ...issuerAbbreviations, BCHQS: 'Bộ Chỉ huy Quân sự tỉnh' };
    expect(findReferences('Công văn số 1234/BCHQS-TM', { issuers })[0]?.issuer).toBe('Bộ Chỉ huy Quân sự tỉnh');
    expect(findReferences('Công văn số 1234/BCHQS-TM')[0]?.issuer).toBeNull();
  });

  it('finds every reference in a sentence and nothing in dates, ranges or standards', () => {
    const text =
      'Thực hiện Nghị định số 81/2013/NĐ-CP ngày 19/7/2013 và Nghị định số 162/2017/NĐ-CP; giai đoạn 2021-2025, tháng 3/2021, từ ngày 24/8 - 31/8/2023, ISO 9001:2015, COVID-19, V/v.';
    expect(findReferences(text).map((r) => r.ref)).toEqual(['81/2013/NĐ-CP', '162/2017/NĐ-CP']);
  });

  it('does not lend one reference the summary of the next', () => {
    const [first, second] = findReferences('Công văn số 1/SNgV-LS và Công văn số 2/SNgV-LS V/v cấp thị thực');
    expect(first?.summary).toBeNull();
    expect(second?.summary).toBe('cấp thị thực');
  });
});

describe('the references in the samples', () => {
  // The six-month report cites its plans and the Party's resolutions it carries out.
  const halfYearCited = [
    '22/KH-UBND',
    '35/KH-UBND',
    '169/NQ-CP',
    '36-NQ/TW',
    '45-CT/TW',
    '12-KL/TW',
    '22-NQ/TW',
    '06-NQ/TW',
    '479-CTr/TU',
    '06-NQ/TW',
    '272-QĐ/TW',
    '339-QĐ/TU',
  ];
  it.each([
    ['bao-cao-tuan-2023-08-24.txt', ['51/2019/QĐ-UBND']],
    ['bao-cao-thang-2021-03.md', ['81/2013/NĐ-CP', '162/2017/NĐ-CP']],
    ['bao-cao-6-thang-2022.txt', ['1131/KHĐT-TH', ...halfYearCited]],
    ['items.jsonl', ['51/2019/QĐ-UBND', '81/2013/NĐ-CP', '162/2017/NĐ-CP', ...halfYearCited]],
    [
      'documents.jsonl',
      [...documents.map((d) => d.number), '81/2013/NĐ-CP', '162/2017/NĐ-CP', '51/2019/QĐ-UBND'].sort(),
    ],
  ])('finds every one in %s', (file, expected) => {
    const found = findReferences(readFileSync(join(data, file), 'utf8')).map((r) => r.ref);
    expect(file === 'documents.jsonl' ? found.sort() : found).toEqual(expected);
  });

  it('names the type, date and issuer of each outgoing document cited in a sentence', () => {
    for (const d of documents) {
      const [y, m, day] = d.date.split('-');
      const cited = `${d.type} số ${d.number} ngày ${Number(day)}/${Number(m)}/${y} của Sở Ngoại vụ ${d.summary}`;
      expect(findReferences(cited)[0], d.id).toMatchObject({
        ref: d.number,
        type: d.type,
        date: d.date,
        issuer: 'Sở Ngoại vụ',
      });
      expect(describeReference(d.number), d.id).toEqual({ type: d.type, issuer: 'Sở Ngoại vụ' });
    }
  });

  it('reads the legal documents cited in the summaries with their dates and issuers', () => {
    const cited = documents.flatMap((d) => findReferences(d.summary));
    expect(cited.map(({ ref, type, date, issuer }) => ({ ref, type, date, issuer }))).toEqual([
      { ref: '81/2013/NĐ-CP', type: 'Nghị định', date: '2013-07-19', issuer: 'Chính phủ' },
      { ref: '162/2017/NĐ-CP', type: 'Nghị định', date: '2017-12-30', issuer: 'Chính phủ' },
      { ref: '51/2019/QĐ-UBND', type: 'Quyết định', date: '2019-09-20', issuer: 'Ủy ban nhân dân tỉnh' },
    ]);
  });
});

describe('isReference', () => {
  it.each([
    ['17/TTr-SNgV', true],
    [' 30/2020/NĐ-CP ', true],
    ['15-CT/TW', true],
    ['03/03/2021', false],
    ['V/v góp ý', false],
    ['2021-2025', false],
  ])('%s → %s', (text, expected) => expect(isReference(text)).toBe(expected));
});

describe('parseDocumentDate', () => {
  it.each([
    ['03/03/2021', '2021-03-03'],
    ['3/3/2021', '2021-03-03'],
    ['ngày 05 tháng 3 năm 2025', '2025-03-05'],
    ['Hà Tĩnh, ngày 5 tháng 03 năm 2025', '2025-03-05'],
    ['2021-03-19', '2021-03-19'],
    ['13-05-2022 08:30', '2022-05-13'],
    ['31/02/2021', null],
    ['Thường', null],
  ])('%s → %s', (text, expected) => expect(parseDocumentDate(text)).toBe(expected));
});
