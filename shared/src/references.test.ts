import { describe, expect, it } from 'vitest';
import { findReferences } from './references';

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
  ])('%s', (text, ref, type, date, issuer) => {
    const [found] = findReferences(text);
    expect(found).toMatchObject({ ref, type, date, issuer });
    expect(text.slice(found!.start, found!.end)).toBe(ref);
  });

  it('reads the summary after V/v', () => {
    const [found] = findReferences(
      'Công văn số 226/SNgV-VPTTr ngày 03/3/2021 V/v góp ý dự thảo Kế hoạch hoạt động năm 2021.',
    );
    expect(found?.summary).toBe('góp ý dự thảo Kế hoạch hoạt động năm 2021');
  });

  it('finds every reference in a sentence and nothing in dates or ranges', () => {
    const text =
      'Thực hiện Nghị định số 81/2013/NĐ-CP ngày 19/7/2013 và Nghị định số 162/2017/NĐ-CP; giai đoạn 2021-2025.';
    expect(findReferences(text).map((r) => r.ref)).toEqual(['81/2013/NĐ-CP', '162/2017/NĐ-CP']);
  });
});
