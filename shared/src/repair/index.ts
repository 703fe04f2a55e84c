export { type DamageEvidence, damageScore, detectDamage, repairText, type TextRepair } from './damage';
export { convertLegacy, decodeLegacyWord, encodeLegacy, type LegacyConversion, type LegacyEncoding } from './legacy';
export { inferLostGlyphs } from './lost-glyph-inference';
export { lostGlyphEvidence } from './lost-glyph-runs';
export { KNOWN_LOST_GLYPH_SETS } from './lost-glyph-tables';
export { type LostGlyphRepair, repairLostGlyphs, type TextChange } from './lost-glyphs';
export { defaultModel, learnModel, type SyllableModel, shippedLexicon } from './model';
