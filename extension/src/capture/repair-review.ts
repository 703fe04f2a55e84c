import { cleanText, detectLead } from '@gom/shared';
import { type LegacyEncoding, repairText, type TextChange } from '@gom/shared/repair';
import type { ClipInput } from './clip';
import type { CaptureDraft, CaptureForm } from './quick-capture';

/** A run of the repaired text; `changed` when the repair wrote it, for the officer to check. */
export interface RepairSegment {
  text: string;
  changed: boolean;
}

/** A repair offered to the officer: the clip as it would be saved without it, and with it. */
export interface RepairReview {
  /** The selection cleaned, as quick capture opens on it. */
  original: string;
  /** The repaired selection cleaned the same way: what accepting puts into the text field. */
  repaired: string;
  /** `repaired`, cut where the repair wrote letters. */
  segments: RepairSegment[];
  encodings: LegacyEncoding[];
  /** The glyphs the PDF lost, as the repair inferred them. */
  lost: string[];
}

const SPACE = /\s/;

/**
 * For each UTF-16 unit of `cleaned`, the index in `raw` it came from, or -1 for a space the
 * cleaning put in ("huấn,bồi" → "huấn, bồi"). Cleaning only drops characters (line breaks, a
 * hyphen across lines, a page number), merges whitespace and adds spaces, so reading `cleaned`
 * forwards through `raw` finds every other character.
 */
function origins(raw: string, cleaned: string): number[] {
  const from: number[] = [];
  let next = 0;
  for (const unit of cleaned.split('')) {
    if (SPACE.test(unit)) {
      if (next < raw.length && SPACE.test(raw[next]!)) {
        from.push(next);
        while (next < raw.length && SPACE.test(raw[next]!)) next++;
      } else from.push(-1);
      continue;
    }
    const at = raw.indexOf(unit, next);
    from.push(at);
    if (at >= 0) next = at + 1;
  }
  return from;
}

/** `cleaned` (the cleaning of `raw`) in runs, marked where `changes` (ranges of `raw`) fall. */
export function markChanges(raw: string, changes: readonly TextChange[], cleaned: string): RepairSegment[] {
  const written = new Uint8Array(raw.length);
  for (const change of changes) written.fill(1, change.start, change.end);
  const from = origins(raw, cleaned);
  const segments: RepairSegment[] = [];
  from.forEach((at, index) => {
    const changed = at >= 0 && written[at] === 1;
    const last = segments.at(-1);
    if (last && last.changed === changed) last.text += cleaned[index];
    else segments.push({ text: cleaned[index]!, changed });
  });
  return segments;
}

/**
 * The repair to offer for a selection, or null when the repair would change nothing. Repaired
 * before cleaning: each lost glyph left exactly one space, which cleaning would merge with the
 * space beside it ("các  oại" → "các oại") and so hide the loss.
 */
export function reviewRepair(selection: string): RepairReview | null {
  // No selection (the toolbar popup, most often): the repair's model is not even built.
  if (!selection.trim()) return null;
  const raw = selection.normalize('NFC');
  const repair = repairText(raw);
  if (repair.changes.length === 0) return null;
  const original = cleanText(raw);
  const repaired = cleanText(repair.text);
  if (repaired === original) return null;
  return {
    original,
    repaired,
    segments: markChanges(repair.text, repair.changes, repaired),
    encodings: repair.encodings,
    lost: repair.lost,
  };
}

/**
 * The context menu's clip when it looks damaged: opened in quick capture (`open` returns the
 * draft's id) rather than saved, so that the officer sees the repair; null when it reads fine.
 */
export async function reviewDamagedClip(
  open: (draft: CaptureDraft) => Promise<string>,
  { text, url, title }: ClipInput,
): Promise<string | null> {
  if (!reviewRepair(text)) return null;
  return open({ selection: text, url: url ?? null, title: title ?? null, document: null, clipped: true });
}

const detectedLead = (text: string): string => detectLead(text)?.lead ?? '';

/**
 * The form with `to` in the text field. The lead follows the text when it is still the one Gom
 * read from `from`; a lead the officer typed or picked stays hers.
 */
function withText(form: CaptureForm, from: string, to: string): CaptureForm {
  return { ...form, text: to, lead: form.lead === detectedLead(from) ? detectedLead(to) : form.lead };
}

export function acceptRepair(form: CaptureForm, review: RepairReview): CaptureForm {
  return withText(form, review.original, review.repaired);
}

/** Back to the text as clipped, after accepting the repair. */
export function restoreOriginal(form: CaptureForm, review: RepairReview): CaptureForm {
  return withText(form, review.repaired, review.original);
}
