import { fieldValue } from './cell-values';
import { fieldsNamed, isFieldName } from './columns';
import { type DocumentMetadata, emptyMetadata, type TextField } from './metadata';
import { visibleLines, visibleText } from './page-text';

const LABEL_VALUE = /^\s*([^:\n]{2,40}?)\s*:\s*(\S[\s\S]*)$/u;
const MAX_LABEL = 40;
const MAX_LABEL_TEXT = 2000;

type Pair = [label: string, value: string[]];

function cellsOf(row: Element): Element[] {
  return [...row.children].filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
}

function pairsOfRow(row: Element): Pair[] {
  const cells = cellsOf(row);
  const pairs: Pair[] = [];
  // A detail page often sets two label/value pairs side by side in one row.
  for (let i = 0; i + 1 < cells.length; i += 2) pairs.push([visibleText(cells[i]!), visibleLines(cells[i + 1]!)]);
  return pairs;
}

function pairsOfList(list: Element): Pair[] {
  const pairs: Pair[] = [];
  for (const term of list.querySelectorAll('dt')) {
    const value = term.nextElementSibling;
    if (value?.tagName === 'DD') pairs.push([visibleText(term), visibleLines(value)]);
  }
  return pairs;
}

// "Trích yếu: V/v …" in a paragraph or a line item; only the innermost such elements, so a
// container does not read its children's lines as one.
function pairsOfText(root: ParentNode): Pair[] {
  const pairs: Pair[] = [];
  for (const element of root.querySelectorAll('p, li, div, span, label, td')) {
    if (element.querySelector('p, li, div, table, dl, br')) continue;
    const text = visibleText(element);
    if (text.length > MAX_LABEL_TEXT) continue;
    const match = LABEL_VALUE.exec(text);
    if (match) pairs.push([match[1]!, [match[2]!]]);
  }
  return pairs;
}

// `<div class="row"><div class="col-3">Trích yếu</div><div class="col-9">V/v …</div></div>` or
// `<label>Số ký hiệu:</label><span>…</span>`: a label alone in its element, its value the next one.
function pairsOfSiblings(root: ParentNode): Pair[] {
  const pairs: Pair[] = [];
  for (const element of root.querySelectorAll('div, span, label, b, strong, p, dt')) {
    const label = visibleText(element);
    if (!label || label.length > MAX_LABEL || fieldsNamed(label).length !== 1) continue;
    const value = element.nextElementSibling ?? element.parentElement?.nextElementSibling;
    if (value && !value.contains(element)) pairs.push([label, visibleLines(value)]);
  }
  return pairs;
}

/**
 * The document metadata a detail page shows under the labels officers know, in label tables,
 * definition lists, "Label: value" lines or label and value side by side in any markup; the first
 * value a label gets is kept, and a value that is itself a label (a list's header row) is none.
 */
export function scanLabels(root: ParentNode): DocumentMetadata {
  const metadata = emptyMetadata();
  const pairs = [
    ...[...root.querySelectorAll('tr')].flatMap(pairsOfRow),
    ...[...root.querySelectorAll('dl')].flatMap(pairsOfList),
    ...pairsOfText(root),
    ...pairsOfSiblings(root),
  ];
  for (const [label, value] of pairs) {
    const fields = fieldsNamed(label.replace(/[:*]+\s*$/u, ''));
    const field: TextField | undefined = fields.length === 1 ? fields[0] : undefined;
    if (!field || metadata[field] !== null || value.length === 0 || isFieldName(value.join(' '))) continue;
    (metadata as unknown as Record<TextField, unknown>)[field] = fieldValue(field, value, { labelled: true });
  }
  // Only a register of received documents numbers arrivals; a list of addressees is a sent document's.
  if (metadata.arrivalNumber || metadata.receivedOn) metadata.direction = 'incoming';
  else if (metadata.recipients) metadata.direction = 'outgoing';
  return metadata;
}
