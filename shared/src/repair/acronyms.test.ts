import { describe, expect, it } from 'vitest';
import { acronymReading } from './acronyms';
import { KNOWN_LOST_GLYPH_SETS } from './lost-glyph-tables';
import { repairLostGlyphs } from './lost-glyphs';
import { learnModel, shippedLexicon } from './model';

const REAL_LOST = [...KNOWN_LOST_GLYPH_SETS[0]!];
// The word list and the background only: no text that has "GIZ" in it.
const model = learnModel([], shippedLexicon());
const at = (line: string, from: string, lost = REAL_LOST) => acronymReading(line, line.indexOf(from), model, lost);

describe('acronymReading', () => {
  it('puts a lost capital back at the start of an abbreviation, a Latin one in a foreign abbreviation', () => {
    expect(at('Phát triển Đức ( IZ) đến', ' IZ')).toEqual({ length: 3, word: 'GIZ' });
  });

  it('puts back the capital that abbreviations use most when nothing says the abbreviation is foreign', () => {
    expect(at('theo Quyết định (UB ) mới', 'UB ')).toEqual({ length: 3, word: 'UBĐ' });
  });

  it('reads nothing where a known word stands, in lower case, between two letters or with no capital lost', () => {
    expect(at('Quỹ (UNDP) hỗ trợ', 'UNDP')).toBeNull();
    expect(at('các ( oại) văn bản', ' oại')).toBeNull();
    expect(at('mã AB CD', ' CD')).toBeNull();
    expect(at('Phát triển Đức ( IZ) đến', ' IZ', ['l', 'ò'])).toBeNull();
  });
});

describe('abbreviations in the repair', () => {
  it('restores a foreign abbreviation that lost its capital and leaves a whole one alone', () => {
    const repair = repairLostGlyphs('Tổ chức Hợp tác Phát triển Đức ( IZ) và Quỹ (UNDP) đến làm việc', {
      lost: REAL_LOST,
      model,
    });
    expect(repair.text).toBe('Tổ chức Hợp tác Phát triển Đức (GIZ) và Quỹ (UNDP) đến làm việc');
  });

  it('reads a known abbreviation before guessing one', () => {
    expect(repairLostGlyphs('số liệu  DP, GRDP ước tính', { lost: REAL_LOST, model }).text).toBe(
      'số liệu GDP, GRDP ước tính',
    );
  });
});
