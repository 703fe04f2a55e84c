import { canonicalText } from '../text';
import { type DocumentMetadata, emptyMetadata, readField, type TextField } from './metadata';

/** The labels officers see on detail pages, by field; compared on the canonical form. */
export const documentLabels: Readonly<Record<TextField, readonly string[]>> = {
  reference: ['Số ký hiệu', 'Số, ký hiệu', 'Số/Ký hiệu', 'Ký hiệu', 'Số hiệu', 'Số văn bản', 'Số ký hiệu văn bản'],
  type: ['Loại văn bản', 'Tên loại', 'Loại VB', 'Hình thức văn bản'],
  issuedOn: ['Ngày ban hành', 'Ngày VB', 'Ngày văn bản', 'Ngày ký', 'Ngày ký ban hành'],
  issuer: ['Cơ quan ban hành', 'Nơi gửi', 'Đơn vị ban hành', 'Nơi ban hành', 'Tác giả', 'Cơ quan gửi'],
  summary: ['Trích yếu', 'Trích yếu nội dung', 'Nội dung trích yếu'],
  signer: ['Người ký', 'Người ký duyệt'],
  dueOn: ['Hạn xử lý', 'Hạn giải quyết', 'Thời hạn xử lý'],
  recipients: ['Nơi nhận', 'Kính gửi', 'Đơn vị nhận'],
  urgency: ['Độ khẩn', 'Mức độ khẩn'],
  arrivalNumber: ['Số đến'],
  receivedOn: ['Ngày đến', 'Ngày nhận'],
};

const labelKey = (label: string) => canonicalText(label.replace(/[:*]+\s*$/u, ''));
const FIELD_BY_LABEL = new Map<string, TextField>(
  Object.entries(documentLabels).flatMap(([field, labels]) => labels.map((l) => [labelKey(l), field as TextField])),
);
const LABEL_VALUE = /^\s*([^:\n]{2,40}?)\s*:\s*(\S[\s\S]*)$/u;
const MAX_LABEL_TEXT = 2000;

function pairsOfRow(row: Element): Array<[string, string]> {
  const cells = [...row.children].filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
  const pairs: Array<[string, string]> = [];
  // A detail page often sets two label/value pairs side by side in one row.
  for (let i = 0; i + 1 < cells.length; i += 2)
    pairs.push([cells[i]!.textContent ?? '', cells[i + 1]!.textContent ?? '']);
  return pairs;
}

function pairsOfList(list: Element): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const term of list.querySelectorAll('dt')) {
    const value = term.nextElementSibling;
    if (value?.tagName === 'DD') pairs.push([term.textContent ?? '', value.textContent ?? '']);
  }
  return pairs;
}

// "Trích yếu: V/v …" in a paragraph or a line item; only the innermost such elements, so a
// container does not read its children's lines as one.
function pairsOfText(root: ParentNode): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const element of root.querySelectorAll('p, li, div, span, label, td')) {
    if (element.querySelector('p, li, div, table, dl, br')) continue;
    const text = element.textContent ?? '';
    if (text.length > MAX_LABEL_TEXT) continue;
    const match = LABEL_VALUE.exec(text);
    if (match) pairs.push([match[1]!, match[2]!]);
  }
  return pairs;
}

/**
 * The document metadata a detail page shows under the labels officers know, in label tables,
 * definition lists or "Label: value" lines; the first value a label gets is kept.
 */
export function scanLabels(root: ParentNode): DocumentMetadata {
  const metadata = emptyMetadata();
  const pairs = [
    ...[...root.querySelectorAll('tr')].flatMap(pairsOfRow),
    ...[...root.querySelectorAll('dl')].flatMap(pairsOfList),
    ...pairsOfText(root),
  ];
  for (const [label, value] of pairs) {
    const field = FIELD_BY_LABEL.get(labelKey(label));
    if (!field || metadata[field] !== null) continue;
    (metadata as unknown as Record<TextField, unknown>)[field] = readField(field, value);
  }
  // Only a register of received documents numbers arrivals; a list of addressees is a sent document's.
  if (metadata.arrivalNumber || metadata.receivedOn) metadata.direction = 'incoming';
  else if (metadata.recipients) metadata.direction = 'outgoing';
  return metadata;
}
