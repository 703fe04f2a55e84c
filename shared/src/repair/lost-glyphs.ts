/**
 * Lost glyphs: a PDF whose body font maps a few glyphs to nothing leaves one space for each
 * ("các  oại", "Ph ng", "N -CP"). The repair reads every space as either a space or one of the lost
 * glyphs and keeps the reading whose words are attested syllables (or known tokens) and whose
 * syllable bigrams are the likeliest — a Viterbi search over each line.
 */
import { readLine } from './lost-glyph-reading';
import { LINE_BREAK, lostGlyphsByLine, unionOf } from './lost-glyph-runs';
import { candidateIndex } from './lost-glyph-words';
import { defaultModel, type SyllableModel } from './model';

/** A span of the repaired text that the repair wrote; offsets are UTF-16 indices into the result. */
export interface TextChange {
  start: number;
  end: number;
  /** What stood there before: spaces for lost glyphs, the legacy-encoded word for a conversion. */
  before: string;
  after: string;
}

export interface LostGlyphRepair {
  text: string;
  changes: TextChange[];
  /** The glyphs treated as lost (configured or inferred); empty when the text showed no such damage. */
  lost: string[];
}

/** The ranges where `after` differs from `before` (same length: a lost glyph left one space). */
function diff(before: string, after: string): TextChange[] {
  const changes: TextChange[] = [];
  for (let i = 0; i < after.length; i++) {
    if (before[i] === after[i]) continue;
    let j = i;
    while (j < after.length && before[j] !== after[j]) j++;
    changes.push({ start: i, end: j, before: before.slice(i, j), after: after.slice(i, j) });
    i = j;
  }
  return changes;
}

/**
 * Lost glyphs put back. `lost` is the set to restore in every line; without it each line's set is
 * inferred from the lines set in the same font (`lost-glyph-runs.ts`). The text keeps its length
 * (each lost glyph left one space), so every change is a range of it.
 */
export function repairLostGlyphs(
  text: string,
  options: { lost?: readonly string[]; model?: SyllableModel } = {},
): LostGlyphRepair {
  const model = options.model ?? defaultModel();
  const nfc = text.normalize('NFC');
  const given = options.lost ? [...options.lost] : undefined;
  const byLine = given ? undefined : lostGlyphsByLine(nfc, model);
  const lost = given ?? unionOf(byLine!);
  if (lost.length === 0) return { text: nfc, changes: [], lost };
  let line = 0;
  const repaired = nfc
    .split(new RegExp(`(${LINE_BREAK.source})`))
    .map((part, i) => {
      if (i % 2 === 1) return part;
      const set = byLine ? byLine[line++]! : lost;
      return set.length === 0 || !part.includes(' ') ? part : readLine(part, model, candidateIndex(model, set), set);
    })
    .join('');
  return { text: repaired, changes: diff(nfc, repaired), lost };
}
