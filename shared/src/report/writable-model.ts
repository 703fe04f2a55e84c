import { withoutControlChars } from '../text';
import type { ReportModel } from './model';

// Line breaks as CommonMark, text editors and Unicode count them.
const LINE_BREAK = /\r\n?|[\n\u0085\u2028\u2029]/;

/**
 * A string as every renderer writes it: without what XML cannot hold, and on one line, each run of
 * whitespace that holds a line break made one space (none at either end). A bullet is one paragraph:
 * a line break carried from a PDF or a page would let the clip out of its bullet in text and
 * Markdown ("---" a rule, an indented line a code block), and Word and HTML show it as a space anyway.
 */
function writableText(text: string): string {
  const clean = withoutControlChars(text);
  if (!LINE_BREAK.test(clean)) return clean;
  // Split and trimmed, not one regex over the whitespace around each break: that backtracks
  // quadratically on a long run of spaces.
  const lines = clean.split(LINE_BREAK);
  const last = lines.length - 1;
  return lines
    .map((line, i) => (i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim()))
    .filter((line) => line !== '')
    .join(' ');
}

function writableValue<T>(value: T): T {
  if (typeof value === 'string') return writableText(value) as T;
  if (Array.isArray(value)) return value.map(writableValue) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, writableValue(field)])) as T;
  }
  return value;
}

/**
 * The model with every string writable (`writableText`). Each renderer starts here and relies on
 * nothing upstream: a model can hold what push validation refuses, from items stored before it
 * refused them, from `gom assemble --items`, or from the officer's edits in the preview. Every
 * string, walked rather than listed, so that a field added to the model is covered too.
 */
export function writableModel(model: ReportModel): ReportModel {
  return writableValue(model);
}
