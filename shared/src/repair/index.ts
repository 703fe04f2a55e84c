export { type DamageEvidence, damageScore, detectDamage, repairText, type TextRepair } from './damage';
export { convertLegacy, decodeLegacyWord, encodeLegacy, type LegacyConversion, type LegacyEncoding } from './legacy';
export {
  inferLostGlyphs,
  KNOWN_LOST_GLYPH_SETS,
  type LostGlyphRepair,
  lostGlyphEvidence,
  repairLostGlyphs,
  type TextChange,
} from './lost-glyphs';
export { defaultModel, learnModel, type SyllableModel, shippedLexicon } from './model';
