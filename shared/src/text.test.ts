import { describe, expect, it } from 'vitest';
import { canonicalText, cleanText } from './text';

describe('cleanText', () => {
  it('stores NFC', () => {
    const nfd = 'Tham mưu UBND tỉnh'.normalize('NFD');
    expect(cleanText(nfd)).toBe('Tham mưu UBND tỉnh'.normalize('NFC'));
  });

  it('collapses whitespace and line breaks and tidies punctuation', () => {
    expect(cleanText('  Góp ý\u00a0dự thảo\n  Kế hoạch ;  báo cáo ( quý I ) .  ')).toBe(
      'Góp ý dự thảo Kế hoạch; báo cáo (quý I).',
    );
  });

  it('keeps the tone placement the officer wrote', () => {
    expect(cleanText('Hợp pháp hoá lãnh sự')).toBe('Hợp pháp hoá lãnh sự');
  });
});

describe('canonicalText', () => {
  it('unifies both tone-placement styles and case', () => {
    expect(canonicalText('Hợp pháp hoá')).toBe(canonicalText('hợp pháp hóa'));
    expect(canonicalText('Thường trực Tỉnh uỷ')).toBe(canonicalText('thường trực tỉnh ủy'));
    expect(canonicalText('khoẻ')).toBe('khỏe');
  });

  it('leaves closed rhymes alone', () => {
    expect(canonicalText('hoàn thành')).toBe('hoàn thành');
    expect(canonicalText('khuyến')).toBe('khuyến');
  });
});
