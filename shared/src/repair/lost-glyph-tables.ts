/**
 * The tables the lost-glyph repair reads: the glyph sets broken fonts are known to lose, the
 * characters it tells apart, and the log-probability costs of its readings.
 */
import type { Casing } from './model';

/** The nine glyphs one real report lost: a broken font repeats its losses. */
export const KNOWN_LOST_GLYPH_SETS: readonly (readonly string[])[] = [['l', 'Đ', 'G', 'ă', 'ã', 'ắ', 'ò', 'ỏ', 'ổ']];

export const LETTER = /[\p{L}\p{M}]/u;
export const MAX_SYLLABLE = 8;
// Tokens of the lexicon are names and abbreviations too ("Bolykhămxay"): damaged, they span spaces.
export const MAX_TOKEN = 16;
// log-probability costs, tuned on the sample reports: a second space in a row is rare in text that
// was typed — rarer than a common syllable is likely, or "Nông  âm" would read as "âm", not "lâm".
export const EXTRA_SPACE = Math.log(0.001);
export const RESTORED_GLYPH = Math.log(0.6);
export const BEAM = 10;
// A space beside a fragment may be a real space, the fragment's glyph lost on its other side ("vụ
// t ", "tế" with ế lost): a reading of this space as a word rarer than this is weak evidence.
export const SPACE_STAYS = -9;
// After a bullet, a full stop or an opening bracket or quote a word usually has a capital.
export const SENTENCE_OPENER = /[-.!?(“"'+•–]/u;
// Typed text has no space just inside brackets: "( IZ)" is "(GIZ)" that lost its G.
export const INSIDE_BRACKET_SPACE = Math.log(0.05);
export const OPENING_BRACKET = /[([“]/u;
export const CLOSING_BRACKET = /[)\]”]/u;
export const START_CASE: Record<Casing, number> = {
  lower: Math.log(0.2),
  title: Math.log(0.75),
  upper: Math.log(0.05),
};
