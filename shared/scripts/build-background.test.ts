import { describe, expect, it } from 'vitest';
import {
  cldrTexts,
  countBackground,
  fluentValues,
  htmlText,
  informativePairs,
  manText,
  moTranslations,
  packBackground,
} from './build-background';

/** A little-endian GNU .mo catalogue of the given (id, translation) pairs, the header entry first. */
function mo(entries: Array<[string, string]>): Buffer {
  const all: Array<[string, string]> = [['', 'Content-Type: text/plain; charset=UTF-8\n'], ...entries];
  const head = 28;
  const tables = head + 16 * all.length;
  const strings: Buffer[] = [];
  let offset = tables;
  const table = (pick: 0 | 1) =>
    all.map((e) => {
      const bytes = Buffer.from(e[pick], 'utf8');
      strings.push(bytes, Buffer.from([0]));
      const at = offset;
      offset += bytes.length + 1;
      return [bytes.length, at] as const;
    });
  const ids = table(0);
  const translations = table(1);
  const header = Buffer.alloc(tables);
  [0x950412de, 0, all.length, head, head + 8 * all.length, 0, 0].forEach((v, i) => {
    header.writeUInt32LE(v, 4 * i);
  });
  [...ids, ...translations].forEach(([length, at], i) => {
    header.writeUInt32LE(length, head + 8 * i);
    header.writeUInt32LE(at, head + 8 * i + 4);
  });
  return Buffer.concat([header, ...strings]);
}

describe('reading the background packages', () => {
  it('takes the text of a help page, one line per element, entities decoded', () => {
    const html =
      '<html><head><title>x</title></head><body><p>Chọn &quot;Định dạng&quot;</p><p>Tăng&#32;cường</p></body></html>';
    const lines = htmlText(html)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines).toEqual(['Chọn "Định dạng"', 'Tăng cường']);
  });

  it('takes the translations of a gettext catalogue, not its header, plural forms apart', () => {
    const catalogue = mo([
      ['Open', 'Mở'],
      ['%d file\0%d files', '%d tập tin\0%d tập tin nữa'],
    ]);
    expect(moTranslations(catalogue)).toEqual(['Mở', '%d tập tin', '%d tập tin nữa']);
  });

  it('takes the values of a Fluent file, without comments and placeables', () => {
    const ftl = '# Ghi chú\nnew-tab = Thẻ mới\n    .tooltip = Mở { $count } thẻ mới\n';
    expect(fluentValues(ftl).filter(Boolean)).toEqual(['Thẻ mới', 'Mở   thẻ mới']);
  });

  it('takes the text of a manual page, requests and font changes out', () => {
    const roff = '.\\" chú thích\n.SH "TÊN"\n\\fBls\\fR \\- liệt kê nội dung thư mục\n.TP\n';
    expect(manText(roff).map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      '',
      'TÊN',
      'ls liệt kê nội dung thư mục',
      '',
      '',
    ]);
  });

  it('takes each keyword of a CLDR annotation apart', () => {
    const xml =
      '<annotation cp="✊">bàn tay nắm | nắm tay</annotation><subdivision type="lavi">Viêng Chăn</subdivision>';
    expect(cldrTexts(xml).map((t) => t.trim())).toEqual(['bàn tay nắm', 'nắm tay', 'Viêng Chăn']);
  });
});

describe('counting the background', () => {
  it('counts syllables and pairs of Vietnamese lines only, a pair across a mark or a non-syllable not at all', () => {
    const counts = countBackground([
      {
        lines: ['Phổ biến giáo dục, phổ biến pháp luật', 'Open the file to continue', 'Chọn tệp PDF để mở'],
        weight: 1,
      },
      { lines: ['Viêng Chăn'], weight: 2 },
    ]);
    expect(counts.unigram.get('phổ')).toBe(2);
    expect(counts.bigram.get('phổ biến')).toBe(2);
    expect(counts.bigram.get('dục phổ')).toBeUndefined();
    expect(counts.unigram.has('continue')).toBe(false);
    expect(counts.bigram.get('tệp để')).toBeUndefined();
    expect(counts.bigram.get('viêng chăn')).toBe(2);
  });

  it('adds from a pairs-only source the pairs and counts of known syllables only, and no new syllable', () => {
    const counts = countBackground(
      [
        { lines: ['phân bổ ngân sách', 'xơ mướp ngân sách'], weight: 1, pairsOnly: true },
        { lines: ['ngân sách nhà nước'], weight: 1 },
      ],
      ['phân', 'bổ'],
    );
    expect(counts.bigram.get('phân bổ')).toBe(1);
    expect(counts.bigram.get('bổ ngân')).toBe(1);
    expect(counts.bigram.get('ngân sách')).toBe(3);
    expect(counts.bigram.has('xơ mướp')).toBe(false);
    expect(counts.unigram.has('xơ')).toBe(false);
    expect(counts.unigram.get('phân')).toBe(1);
    expect(counts.unigram.get('ngân')).toBe(3);
  });

  it('keeps the pairs that tell most beyond their syllables: a fixed pair before a pair of common words', () => {
    // "của" and "các" follow each other as often as chance says: their pairs tell nothing.
    const bigram = new Map([
      ['của các', 30],
      ['các của', 30],
      ['của của', 30],
      ['các các', 30],
      ['phân bổ', 5],
      ['của nó', 1],
    ]);
    expect([...informativePairs(bigram, 1).keys()]).toEqual(['phân bổ']);
    expect(informativePairs(bigram, 10).has('của nó')).toBe(false);
  });

  it('keeps the pairs seen twice or more, grouped by their first syllable', () => {
    const counts = countBackground([{ lines: ['phổ biến', 'phổ biến', 'phổ thông'], weight: 1 }]);
    expect(packBackground(counts)).toEqual({ unigrams: { biến: 2, phổ: 3, thông: 1 }, bigrams: { phổ: 'biến 2' } });
  });
});
