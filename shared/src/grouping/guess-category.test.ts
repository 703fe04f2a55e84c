import { describe, expect, it } from 'vitest';
import { guessCategory } from './guess-category';

describe('guessCategory', () => {
  it.each([
    ['Thực hiện 256 trang biên dịch các loại', 'translation_services_tthc'],
    ['Tham mưu UBND tỉnh cử Đoàn cán bộ đi Hungary', 'delegations_consular'],
    ['Ban hành Kế hoạch theo dõi thi hành pháp luật năm 2021 của Sở Ngoại vụ', 'office_admin'],
    ['Tham mưu UBND tỉnh đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh', 'intl_cooperation'],
    ['Hợp pháp hoá lãnh sự 01 hồ sơ', 'translation_services_tthc'],
    ['Cử đoàn cán bộ đi công tác nước ngoài', 'delegations_consular'],
  ])('%s → %s', (text, category) => {
    expect(guessCategory(text).category).toBe(category);
  });

  it('gives the catch-all what nothing speaks for', () => {
    expect(guessCategory('Dọn dẹp kho')).toEqual({ category: 'other' });
  });
});
