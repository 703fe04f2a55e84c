/**
 * One entry for text that may be damaged: legacy encodings converted first (their words are what
 * the lost-glyph repair then reads), then lost glyphs put back; and a 0–1 score of how likely the
 * text was damaged, for the extension to decide whether to show the officer a repair to accept.
 */
import { convertLegacy, type LegacyEncoding } from './legacy';
import { lostGlyphEvidence } from './lost-glyph-runs';
import { repairLostGlyphs, type TextChange } from './lost-glyphs';
import { defaultModel, type SyllableModel } from './model';

export interface TextRepair {
  text: string;
  /** Ranges of the repaired text that the repair wrote, in order, overlapping ranges merged. */
  changes: TextChange[];
  encodings: LegacyEncoding[];
  lost: string[];
}

export interface DamageEvidence {
  /** 0 for text that shows no damage; each independent place of evidence halves the chance it is clean. */
  score: number;
  encodings: LegacyEncoding[];
  /** Words that only read as Vietnamese once converted from TCVN3 or VNI. */
  legacyWords: number;
  lost: string[];
  /** Places the inferred lost glyphs explain. */
  lostPlaces: number;
}

export function detectDamage(text: string, model: SyllableModel = defaultModel()): DamageEvidence {
  const legacy = convertLegacy(text, model);
  const lost = lostGlyphEvidence(legacy.text, model);
  // Independent places of evidence: one odd word is a hint, three are near-certain (0.875).
  const places = legacy.words + lost.places;
  return {
    score: 1 - 2 ** -places,
    encodings: legacy.encodings,
    legacyWords: legacy.words,
    lost: lost.lost,
    lostPlaces: lost.places,
  };
}

/** How likely (0–1) the text is legacy-encoded or lost glyphs; 0 for clean Vietnamese or English. */
export function damageScore(text: string, model: SyllableModel = defaultModel()): number {
  return detectDamage(text, model).score;
}

/** Legacy runs converted, then lost glyphs restored (given, or inferred from the converted text). */
export function repairText(
  text: string,
  options: { lost?: readonly string[]; model?: SyllableModel } = {},
): TextRepair {
  const model = options.model ?? defaultModel();
  const legacy = convertLegacy(text, model);
  const glyphs = repairLostGlyphs(legacy.text, { model, ...(options.lost ? { lost: options.lost } : {}) });
  // The lost-glyph repair keeps the length, so both lists are ranges of the final text.
  const all = [...legacy.changes, ...glyphs.changes].sort((a, b) => a.start - b.start);
  const changes: TextChange[] = [];
  for (const c of all) {
    const last = changes.at(-1);
    if (last && c.start < last.end) {
      const end = Math.max(last.end, c.end);
      changes[changes.length - 1] = {
        start: last.start,
        end,
        before: last.before,
        after: glyphs.text.slice(last.start, end),
      };
    } else changes.push({ ...c, after: glyphs.text.slice(c.start, c.end) });
  }
  return { text: glyphs.text, changes, encodings: legacy.encodings, lost: glyphs.lost };
}
