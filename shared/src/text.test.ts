import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText, isXmlChar, unwritableChars, writableNeighbours } from './test-hostile-text';
import { canonicalText, cleanText, joinPdfLines, normalizeText, withoutControlChars } from './text';

describe('withoutControlChars', () => {
  it.each(unwritableChars.map((ch) => [`U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, ch]))(
    'drops %s',
    (_, ch) => {
      expect(withoutControlChars(`Góp${ch} ý${ch}`)).toBe('Góp ý');
    },
  );

  it('drops a surrogate without its pair, wherever it stands, and keeps a pair', () => {
    expect(withoutControlChars('\udc00\ud83d\ude00\ud800')).toBe('😀');
    expect(withoutControlChars('a\udc00\ud800b')).toBe('ab');
    expect(withoutControlChars('\ud800\ud800\udc00')).toBe('\u{10000}');
  });

  it('keeps what XML holds, tab, line breaks, C1 controls and astral characters among them', () => {
    const kept = writableNeighbours.join('');
    expect(withoutControlChars(kept)).toBe(kept);
  });

  it('keeps exactly the code points XML holds, DEL aside (property)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const clean = withoutControlChars(text);
        // What XML cannot hold and DEL dropped, nothing else changed: the rest in order.
        expect([...clean]).toEqual([...text].filter((ch) => isXmlChar(ch.codePointAt(0)!) && ch !== '\u007f'));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('cleanText', () => {
  it('drops control characters a broken PDF leaves (NUL and the like)', () => {
    expect(cleanText('Tham\u0000 mưu\u0007 UBND\u000c tỉnh')).toBe('Tham mưu UBND tỉnh');
  });

  it('stores NFC', () => {
    const nfd = 'Tham mưu UBND tỉnh'.normalize('NFD');
    expect(cleanText(nfd)).toBe('Tham mưu UBND tỉnh'.normalize('NFC'));
  });

  it('collapses whitespace and line breaks and tidies punctuation', () => {
    expect(cleanText('  Góp ý\u00a0dự thảo\n  Kế hoạch ;  báo cáo ( quý I ) .  ')).toBe(
      'Góp ý dự thảo Kế hoạch; báo cáo (quý I).',
    );
  });

  it('puts a space after a comma glued to the next word, not inside a number', () => {
    expect(cleanText('công tác tập huấn,bồi dưỡng; 1,5 tỷ đồng;xong')).toBe(
      'công tác tập huấn, bồi dưỡng; 1,5 tỷ đồng; xong',
    );
  });

  it('joins the lines of a PDF selection', () => {
    expect(cleanText('Tham mưu UBND tỉnh ban hành Kế hoạch đón Đoàn công \n\n tác Đại sứ quán Lào\n')).toBe(
      'Tham mưu UBND tỉnh ban hành Kế hoạch đón Đoàn công tác Đại sứ quán Lào',
    );
  });

  it('keeps a figure selected on its own', () => {
    expect(cleanText(' 250 ')).toBe('250');
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

  it('writes a numeric range one way', () => {
    expect(canonicalText('giai đoạn 2021 - 2025')).toBe(canonicalText('giai đoạn 2021–2025'));
    expect(canonicalText('giai đoạn 2021 - 2025')).toBe('giai đoạn 2021-2025');
  });

  it('leaves closed rhymes alone', () => {
    expect(canonicalText('hoàn thành')).toBe('hoàn thành');
    expect(canonicalText('khuyến')).toBe('khuyến');
  });
});

describe('joinPdfLines', () => {
  it.each([
    [
      'hard wraps and blank lines',
      'Báo cáo kết quả \n\ncông tác đối ngoại \n\ntháng 3.',
      'Báo cáo kết quả công tác đối ngoại tháng 3.',
    ],
    [
      'a hyphenated word',
      'hợp tác quốc tế trong lĩnh vực giáo dục và đào tạo, chuyển đổi ngôn ngữ lập trì-\nnh',
      'hợp tác quốc tế trong lĩnh vực giáo dục và đào tạo, chuyển đổi ngôn ngữ lập trình',
    ],
    ['a range cut after its dash', 'từ ngày 27/9-\n30/9/2023', 'từ ngày 27/9-30/9/2023'],
    ['a page number inside a sentence', 'đến thăm, làm việc\n\n  3  \n\ntại tỉnh.', 'đến thăm, làm việc tại tỉnh.'],
    ['a "- 12 -" page footer', 'đến thăm,\n- 12 -\nlàm việc', 'đến thăm, làm việc'],
    [
      'bullets as paragraphs',
      '- Tham mưu UBND tỉnh\n về việc A.\n- Báo cáo B;\n+ chi tiết',
      '- Tham mưu UBND tỉnh về việc A.\n- Báo cáo B;\n+ chi tiết',
    ],
    ['a sentence ended, a new one begins', 'Xong việc A.\nTrên đây là báo cáo.', 'Xong việc A.\nTrên đây là báo cáo.'],
    ['a line starting with a number', 'lần thứ\n12 tại Hungary', 'lần thứ 12 tại Hungary'],
  ])('%s', (_name, raw, joined) => {
    expect(joinPdfLines(raw)).toBe(joined);
  });

  it('gives back the weekly report as its paragraphs', () => {
    const text = readFileSync(join(import.meta.dirname, '../data/bao-cao-tuan-2023-08-24.txt'), 'utf8');
    const paragraphs = normalizeText(text).split('\n');
    expect(paragraphs).toContain(
      '- Tham mưu Thường trực Tỉnh uỷ, Hội đồng nhân dân tỉnh ban hành các Quyết định cử các đồng chí thuộc diện Ban Thường vụ quản lý tham gia Đoàn cấp cao của tỉnh đi tham dự “Diễn đàn doanh nghiệp kiều bào Châu Âu lần thứ 12 tại Hungary” và Xúc tiến đầu tư tại Cộng hòa Hungary, Cộng hòa Liên bang Đức và Cộng hòa Séc.',
    );
    expect(paragraphs).toContain(
      '- Báo cáo Thường trực Tỉnh ủy dự thảo báo cáo đào tạo, bồi dưỡng nguồn nhân lực giúp Lào từ năm 2016 đến nay.',
    );
    expect(paragraphs.every((p) => p === p.trim() && !p.includes('  '))).toBe(true);
  });
});

describe('normalizeText', () => {
  it('cleans every line on its own with lines', () => {
    expect(normalizeText('Góp ý  dự thảo\ncông văn ;\n', { lines: true })).toBe('Góp ý dự thảo\ncông văn;\n');
  });

  it('stores NFC', () => {
    expect(normalizeText('Hội đồng'.normalize('NFD'))).toBe('Hội đồng'.normalize('NFC'));
  });
});
