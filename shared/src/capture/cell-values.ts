import { findReferences, isReference, parseDocumentDate } from '../references';
import { cleanText } from '../text';
import { fieldsNamed, isFieldName } from './columns';
import { type DocumentMetadata, readField, type TextField } from './metadata';

export type PartialMetadata = Partial<Omit<DocumentMetadata, 'direction'>>;

const DATE = /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\b|\b\d{4}-\d{2}-\d{2}\b/gu;
const DATE_FIELDS = new Set<TextField>(['issuedOn', 'dueOn', 'receivedOn']);

// What document systems print before or around a trích yếu: the state of the document, not its subject.
const STATUS_PREFIX =
  /^(?:(?:có|chưa có|đã có)\s+(?:văn bản|vb)\s+(?:phúc đáp|trả lời|liên quan|thay thế)|đã\s+(?:phúc đáp|trả lời|xử lý|xem|đọc|hoàn thành)|chưa\s+(?:xử lý|xem|đọc)|văn bản mới|vb mới|mới|khẩn|thượng khẩn|hỏa tốc|hoả tốc)\s*(?:[-–—:|]\s*|$)|^[([](?:mới|khẩn|thượng khẩn|hỏa tốc|hoả tốc|văn bản mới)[)\]]\s*/iu;
const LABELLED_LINE = /^\s*([^:\n]{2,30}?)\s*:\s*\S/u;

function stripStatus(line: string): string {
  let text = line;
  for (let i = 0; i < 3; i += 1) {
    const stripped = text.replace(STATUS_PREFIX, '');
    if (stripped === text) break;
    text = stripped;
  }
  return text;
}

/** A line that is only a date, a reference, a number or a column name says nothing of the subject. */
function isBareValue(line: string): boolean {
  const rest = line
    .replace(DATE, '')
    .replace(/[\s,.;:()/-]+/gu, ' ')
    .trim();
  return !rest || /^\d+$/.test(rest) || isReference(line) || isFieldName(line);
}

/**
 * A trích yếu as the cell shows it, without the status lines ("Có văn bản phúc đáp -"), the
 * "Label: value" lines and the bare dates a system prints under it.
 */
export function summaryOf(lines: readonly string[], { labelled = false } = {}): string | null {
  const kept = lines
    .map(stripStatus)
    .map((line) => line.trim())
    .filter((line) => line && !isBareValue(line))
    .filter((line) => {
      const label = LABELLED_LINE.exec(line)?.[1];
      return !label || fieldsNamed(label).length === 0 || fieldsNamed(label)[0] === 'summary';
    })
    .map((line) => {
      const label = LABELLED_LINE.exec(line)?.[1];
      return label && fieldsNamed(label)[0] === 'summary' ? line.slice(line.indexOf(':') + 1) : line;
    });
  const text = cleanText(kept.join('\n'));
  // Under a "Trích yếu" label the value is the subject however short; a list cell must read as one.
  if (labelled) return /\p{L}/u.test(text) && !isFieldName(text) ? text : null;
  return isSummary(text) ? text : null;
}

/** Whether a text can be a document's subject: words, not a label, a date or a lone name. */
export function isSummary(text: string): boolean {
  const words = text.split(/\s+/u).filter((word) => /\p{L}/u.test(word));
  return words.length >= 2 && text.length >= 8 && !isFieldName(text) && !isReference(text);
}

/** The first reference a text holds, whole or in running text ("Số: 17/TTr-SNgV"). */
export function referenceIn(text: string): string | null {
  const trimmed = cleanText(text).replace(/^số\s*:?\s*/iu, '');
  if (isReference(trimmed)) return trimmed;
  return findReferences(trimmed)[0]?.ref ?? null;
}

/**
 * The values of `fields` in one cell, read the way its column names them: for "Số ký hiệu / Ngày VB"
 * the reference and the first date; for "Ngày đến / Hạn xử lý" the first date and the second.
 */
export function readCell(fields: readonly TextField[], lines: readonly string[]): PartialMetadata {
  const text = lines.join('\n');
  const read: PartialMetadata = {};
  const dates = [...text.matchAll(DATE)].map((m) => parseDocumentDate(m[0]));
  let dateIndex = 0;
  const target = read as Record<TextField, unknown>;
  for (const field of fields) {
    if (DATE_FIELDS.has(field)) {
      const date = dates[fields.filter((f) => DATE_FIELDS.has(f)).length > 1 ? dateIndex : 0] ?? null;
      dateIndex += 1;
      if (date) target[field] = date;
    } else if (field === 'reference') {
      const ref = referenceIn(text);
      if (ref) target.reference = ref;
    } else if (field === 'summary') {
      const summary = summaryOf(lines);
      if (summary) target.summary = summary;
    } else if (fields.length === 1) {
      const value = fieldValue(field, lines);
      if (value !== null) target[field] = value;
    } else {
      // A cell that names several fields keeps one a line ("Người ký / Chức vụ").
      const line = lines[fields.indexOf(field)];
      const value = line ? fieldValue(field, [line]) : null;
      if (value !== null) target[field] = value;
    }
  }
  return read;
}

/** A plain field's value from the lines of a cell or an attribute; labels and bare numbers are not names. */
export function fieldValue(
  field: TextField,
  lines: readonly string[],
  { labelled = false } = {},
): DocumentMetadata[TextField] | null {
  if (field === 'recipients') return readField('recipients', lines.join('\n'));
  const text = cleanText(lines.join(' '));
  if (!text || isFieldName(text)) return null;
  if (field === 'reference') return referenceIn(text);
  if (field === 'summary') return summaryOf(lines, { labelled });
  if (DATE_FIELDS.has(field)) return parseDocumentDate(text);
  if (field === 'arrivalNumber') return /^\d{1,7}$/.test(text) ? text : null;
  if ((field === 'issuer' || field === 'signer' || field === 'type') && !/\p{L}{2}/u.test(text)) return null;
  return readField(field, text);
}

/** How well a cell's text fits a field, for placing data cells under a header that names fewer. */
export function fitOf(fields: readonly TextField[], text: string): number {
  if (fields.length === 0 || !text) return 0;
  let total = 0;
  for (const field of fields) {
    if (field === 'reference') total += referenceIn(text) ? 1 : 0;
    else if (DATE_FIELDS.has(field)) total += parseDocumentDate(text) ? 1 : 0;
    else if (field === 'summary') total += isSummary(text) ? 1 : 0;
    else if (field === 'arrivalNumber') total += /^\d{1,7}$/.test(text.trim()) ? 1 : 0;
    else total += /\p{L}{2}/u.test(text) && !parseDocumentDate(text) && !referenceIn(text) ? 0.5 : 0;
  }
  return total / fields.length;
}
