import { describe, expect, it } from 'vitest';
import { KNOWN_LOST_GLYPH_SETS } from './lost-glyph-tables';
import { repairLostGlyphs } from './lost-glyphs';
import { defaultModel } from './model';
import { nameReadings, syllableSpelling } from './names';

const REAL_LOST = [...KNOWN_LOST_GLYPH_SETS[0]!];
const model = defaultModel();
// Damaged forms of known words are what the repair's own index explains; none of these pieces is one.
const noWord = () => false;

describe('syllableSpelling', () => {
  it('reads a Lao name as Vietnamese syllables written together, every letter in one', () => {
    expect(syllableSpelling(model, 'Bolikhămxay').loose).toBe(0);
    expect(syllableSpelling(model, 'Bolykhamxay').loose).toBe(0);
  });

  it('counts the letters a damaged piece leaves outside any syllable', () => {
    expect(syllableSpelling(model, 'ikh').loose).toBe(2);
    expect(syllableSpelling(model, 'mxay').loose).toBe(1);
  });

  it('prefers attested syllables to merely well-formed ones', () => {
    const attested = syllableSpelling(model, 'Bolikhămxay');
    const formed = syllableSpelling(model, 'Boãikhămxay');
    expect(attested.logp).toBeGreaterThan(formed.logp);
  });
});

describe('nameReadings', () => {
  const at = (line: string, word: string) => nameReadings(line, line.indexOf(word), model, REAL_LOST, noWord);

  it('joins the pieces of a damaged name with the lost glyphs that spell it', () => {
    const line = 'tỉnh Bo ikh mxay, nước CHDCND Lào';
    expect(at(line, 'Bo')).toContainEqual({ length: 'Bo ikh mxay'.length, word: 'Bolikhămxay', restored: 2 });
  });

  it('joins a foreign name that spells no better joined than apart: it is one word', () => {
    const line = 'Nhóm Quỹ ủy thác A astic hỗ trợ';
    expect(at(line, 'A astic')).toContainEqual({ length: 'A astic'.length, word: 'Alastic', restored: 1 });
  });

  it('stops at a piece that is a word, has a capital or is a single letter', () => {
    expect(at('Nhóm Quỹ Alastic hỗ trợ', 'Alastic')).toEqual([]);
    expect(at('Thủ đô Viêng Ch n, Lào', 'Viêng')).toEqual([]);
    expect(at('nhân dịp Tết c  truyền', 'Tết')).toEqual([]);
  });

  it('stops at a piece that a known word explains with the space beside it', () => {
    const line = 'làm việc với Đoàn Ph ng  iáo dục';
    expect(nameReadings(line, line.indexOf('Ph'), model, REAL_LOST, (f) => f === 'Ph ng')).toEqual([]);
  });

  it('fills only lower-case lost glyphs: a capital inside a name is rare', () => {
    expect(nameReadings('tỉnh Bo ikh mxay', 5, model, ['Đ', 'G'], noWord)).toEqual([]);
  });
});

describe('names in the repair', () => {
  it('restores a damaged Lao province name and the words around it', () => {
    const damaged = 'Đoàn công tác  àm việc với tỉnh Bo ikh mxay, nước CHDCND Lào';
    expect(repairLostGlyphs(damaged, { lost: REAL_LOST }).text).toBe(
      'Đoàn công tác làm việc với tỉnh Bolikhămxay, nước CHDCND Lào',
    );
  });

  it('restores a foreign name that lost a letter', () => {
    expect(repairLostGlyphs('Nhóm Quỹ ủy thác A astic hỗ trợ', { lost: REAL_LOST }).text).toBe(
      'Nhóm Quỹ ủy thác Alastic hỗ trợ',
    );
  });

  it('leaves a clean name and the words after it as they are, the lost set given', () => {
    const clean = 'Nhóm Quỹ ủy thác Alastic hỗ trợ tỉnh Bolikhămxay';
    expect(repairLostGlyphs(clean, { lost: REAL_LOST }).text).toBe(clean);
  });
});
