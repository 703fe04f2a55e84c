import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessCategory } from './guess-category';

interface SampleItem {
  category: string | null;
  kind: string;
  text: string;
}
const samples: SampleItem[] = readFileSync(new URL('../../data/items.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

describe('guessCategory', () => {
  it.each([
    ['Thực hiện 256 trang biên dịch các loại', 'translation_services_tthc'],
    ['Tham mưu UBND tỉnh cho phép 01 lưu học sinh nhập cảnh qua cửa khẩu quốc tế Cầu Treo', 'delegations_consular'],
    ['Ban hành Kế hoạch theo dõi thi hành pháp luật năm 2021 của Sở Ngoại vụ', 'office_admin'],
    ['Tham mưu UBND tỉnh đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh', 'intl_cooperation'],
    ['Hợp pháp hoá lãnh sự 01 hồ sơ', 'translation_services_tthc'],
    ['Kế hoạch đón Đoàn công tác Tổng Lãnh sự quán Lào tại TP Đà Nẵng (Tờ trình của Sở Ngoại vụ)', 'intl_cooperation'],
  ])('%s → %s', (text, category) => {
    expect(guessCategory(text).category).toBe(category);
  });

  it('falls through to the catch-all', () => {
    expect(guessCategory('Dọn dẹp kho lưu trữ')).toEqual({ category: 'other' });
  });

  it('matches whole words only', () => {
    expect(guessCategory('Làm việc với tỉnh Savannakhet').category).toBe('other');
  });

  it('takes the facts of the item into account: a directive is followed up whatever its words', () => {
    expect(
      guessCategory('Tham mưu UBND tỉnh đề nghị kiện toàn Ban Công tác phi chính phủ tỉnh', { kind: 'directive' }),
    ).toEqual({ category: 'directive_followup' });
  });

  // The built-in rules alone, before any learning: the samples' results mostly land right.
  it('guesses most sample results right', () => {
    const results = samples.filter((s) => s.category && s.kind !== 'plan');
    const right = results.filter((s) => guessCategory(s.text).category === s.category).length;
    expect(right / results.length).toBeGreaterThan(0.85);
  });
});
