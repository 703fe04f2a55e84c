import { describe, expect, it } from 'vitest';
import { wordPairs } from './build-words';

describe('wordPairs', () => {
  const lexicon = new Set('đại sứ sự tổng lãnh hoá hóa lỏng mất trộm rồi mới rào giậu'.split(' '));

  it('keeps the pairs inside words of two or three syllables, in lower case, by first syllable', () => {
    expect(wordPairs('đại sứ\nTổng Lãnh sự\nđại\n', lexicon)).toEqual({ đại: 'sứ', lãnh: 'sự', tổng: 'lãnh' });
  });

  it('writes each pair in both tone placements', () => {
    expect(wordPairs('hoá lỏng', lexicon)).toEqual({ hoá: 'lỏng', hóa: 'lỏng' });
  });

  it('leaves out sayings, hyphenated words and syllables the lexicon does not know', () => {
    expect(wordPairs('mất trộm rồi mới rào giậu\nA-di-đà phật\nđại xà', lexicon)).toEqual({});
  });

  it('lists a first syllable once, its seconds sorted and unique', () => {
    expect(wordPairs('đại sứ\nđại sự\nđại sứ\nĐại sứ', lexicon)).toEqual({ đại: 'sứ sự' });
  });
});
