import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinPdfLines } from '../text';
import { damageScore, detectDamage, repairText } from './damage';
import { convertLegacy, decodeLegacyWord, encodeLegacy, type LegacyEncoding } from './legacy';
import { KNOWN_LOST_GLYPH_SETS } from './lost-glyph-tables';

const sample = (name: string) => joinPdfLines(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'));
const CLEAN_SENTENCES = [sample('bao-cao-tuan-2023-08-24.txt'), sample('bao-cao-thang-2021-03.md')]
  .flatMap((t) => t.split(/\n|(?<=[.;])\s+/))
  .filter((s) => s.split(' ').length >= 3);
const ENGLISH = [
  'The quick brown fox jumps over the lazy dog.',
  'Please find attached the minutes of the meeting held on 12 March 2021.',
  'A café in Montréal serves crème brûlée; the naïve façade is © 2021 «Gom».',
  'I am not sure the delegation will arrive in time for the signing ceremony.',
  'Our partners in Laos asked for a short summary of the cooperation projects.',
];

describe('legacy encodings', () => {
  // Examples: TCVN3 and VNI text as a copy from a legacy-font document reads.
  it.each<[string, string, LegacyEncoding[]]>([
    ['Bé Ngo¹i giao', 'Bộ Ngoại giao', ['tcvn3']],
    ['§oµn c«ng t¸c cña Së Ngo¹i vô', 'Đoàn công tác của Sở Ngoại vụ', ['tcvn3']],
    ['Tr\u00adêng ®¹i häc', 'Trường đại học', ['tcvn3']],
    ['CHÝNH PHñ vµ Bé NGO¹I GIAO', 'CHÍNH PHỦ và Bộ NGOẠI GIAO', ['tcvn3']],
    ['V¡N PHßNG ë TØNH', 'VĂN PHÒNG Ở TỈNH', ['tcvn3']],
    ['Vieät Nam', 'Việt Nam', ['vni']],
    ['Tröôøng ñaïi hoïc', 'Trường đại học', ['vni']],
    ['BOÄ NGOAÏI GIAO', 'BỘ NGOẠI GIAO', ['vni']],
    ['Bộ Công an và Bé Ngo¹i giao, Tröôøng ñaïi hoïc', 'Bộ Công an và Bộ Ngoại giao, Trường đại học', ['tcvn3', 'vni']],
    ['Hà Nội', 'Hà Nội', []],
    ['© 2021 Sở Ngoại vụ', '© 2021 Sở Ngoại vụ', []],
  ])('%s → %s', (legacy, unicode, encodings) => {
    const conversion = convertLegacy(legacy);
    expect(conversion.text).toBe(unicode);
    expect(conversion.encodings).toEqual(encodings);
    for (const c of conversion.changes) expect(conversion.text.slice(c.start, c.end)).toBe(c.after);
  });

  it.each<[string, LegacyEncoding, string | null]>([
    ['caùc', 'vni', 'các'],
    ['các', 'vni', null], // a VNI mark cannot follow a consonant
    ['Ngoại', 'tcvn3', null], // ạ is no VN3 byte
    ['là', 'tcvn3', null], // 0xE0 is empty in VN3
    ['Ngo¹i', 'tcvn3', 'Ngoại'],
  ])('decodes %s as %s: %s', (word, encoding, expected) => {
    expect(decodeLegacyWord(word, encoding)).toBe(expected);
  });

  it('converts every sample sentence encoded in TCVN3 or VNI back, alone or mixed with Unicode (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CLEAN_SENTENCES),
        fc.constantFrom(...CLEAN_SENTENCES),
        fc.constantFrom<LegacyEncoding>('tcvn3', 'vni'),
        (legacy, unicode, encoding) => {
          // VN3 has no capitals with a tone: a word typed in a capital font comes back in capitals
          // only where the table test's rules can see it, so TCVN3 is compared ignoring case.
          const same = (text: string) => (encoding === 'tcvn3' ? text.toLowerCase() : text);
          expect(same(convertLegacy(encodeLegacy(legacy, encoding)).text)).toBe(same(legacy));
          const mixed = convertLegacy(`${unicode}\n${encodeLegacy(legacy, encoding)}`).text.split('\n');
          expect(mixed[0]).toBe(unicode);
          expect(same(mixed[1]!)).toBe(same(legacy));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('leaves clean Vietnamese and English alone and scores it 0 (property)', () => {
    const clean = fc.array(fc.constantFrom(...CLEAN_SENTENCES, ...ENGLISH), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(clean, fc.constantFrom(' ', '\n'), (parts, glue) => {
        const text = parts.join(glue);
        expect(convertLegacy(text)).toEqual({ text, changes: [], encodings: [], words: 0 });
        expect(damageScore(text)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('damage detection and repair', () => {
  const lost = KNOWN_LOST_GLYPH_SETS[0]!;
  const damaged = 'Tham mưu UBND tỉnh cho phép  àm việc với  oàn Ph ng  iáo dục, rà soát v n bản quy phạm pháp  uật';

  it('scores lost glyphs and legacy encodings high, more evidence higher', () => {
    const one = damageScore('Bé Ngo¹i giao');
    const many = damageScore(encodeLegacy(CLEAN_SENTENCES[0]!, 'tcvn3'));
    expect(one).toBeGreaterThan(0.5);
    expect(many).toBeGreaterThan(one);
    expect(many).toBeLessThanOrEqual(1);
    const lostGlyphs = detectDamage(damaged);
    expect(lostGlyphs.score).toBeGreaterThan(0.9);
    expect(lostGlyphs.lost.sort()).toEqual([...lost].sort());
  });

  it('converts legacy runs and restores lost glyphs in one text, marking what it wrote', () => {
    const repair = repairText(`Bé Ngo¹i giao. ${damaged}`, { lost });
    expect(repair.text).toBe(
      'Bộ Ngoại giao. Tham mưu UBND tỉnh cho phép làm việc với Đoàn Phòng Giáo dục, rà soát văn bản quy phạm pháp luật',
    );
    expect(repair.encodings).toEqual(['tcvn3']);
    expect(repair.changes.map((c) => c.after)).toEqual(['Bộ', 'Ngoại', 'l', 'Đ', 'ò', 'G', 'ă', 'l']);
    for (const c of repair.changes) expect(repair.text.slice(c.start, c.end)).toBe(c.after);
  });
});
