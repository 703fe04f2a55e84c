export {
  inferLostGlyphs,
  KNOWN_LOST_GLYPH_SETS,
  type LostGlyphRepair,
  lostGlyphEvidence,
  repairLostGlyphs,
  type TextChange,
} from './lost-glyphs';
export { defaultModel, learnModel, type SyllableModel, shippedLexicon } from './model';
