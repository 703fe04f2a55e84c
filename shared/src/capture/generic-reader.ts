import type { ReferenceOptions } from '../references';
import { fieldValue, type PartialMetadata } from './cell-values';
import { fieldsNamed } from './columns';
import { readGrids } from './grid-reader';
import { scanLabels } from './labels';
import { completeMetadata, type DocumentMetadata, emptyMetadata, type TextField } from './metadata';
import { visibleLines, visibleText } from './page-text';

/** A document a page lists or shows, with how sure the reader is of it (0–1). */
export interface FoundDocument extends DocumentMetadata {
  confidence: number;
}

/** What a page holds: a list of documents, the one document of a detail page, or none. */
export interface PageReading {
  kind: 'list' | 'detail' | 'none';
  documents: FoundDocument[];
  /** For a list, the element each document was read from, in the same order. */
  rows: Element[];
}

const IGNORED_ATTRIBUTES = new Set(['id', 'class', 'style', 'href', 'src', 'title', 'name', 'type', 'value']);
const ROW = 'tr, li, [role="row"]';

/** Metadata carried by the element's own attributes: `so_ky_hieu`, `dcm_code`, `data-ngay-den` … */
function attributeValues(element: Element): PartialMetadata {
  const values: PartialMetadata = {};
  for (const { name, value } of element.attributes) {
    if (IGNORED_ATTRIBUTES.has(name) || name.startsWith('on') || !value.trim()) continue;
    const fields = fieldsNamed(name);
    if (fields.length !== 1) continue;
    const field = fields[0]!;
    const read = fieldValue(field, [value]);
    if (read !== null) (values as Record<string, unknown>)[field] ??= read;
  }
  return values;
}

function classField(element: Element): TextField | null {
  for (const token of element.classList) {
    const fields = fieldsNamed(token);
    if (fields.length === 1) return fields[0]!;
  }
  return null;
}

/** Metadata in the cells or spans of a row that name their field by class (`td.trich_yeu`). */
function classValues(row: Element): PartialMetadata {
  const values: PartialMetadata = {};
  for (const element of row.querySelectorAll('[class]')) {
    const field = classField(element);
    if (!field || (values as Record<string, unknown>)[field] !== undefined) continue;
    const read = fieldValue(field, visibleLines(element));
    if (read !== null) (values as Record<string, unknown>)[field] = read;
  }
  return values;
}

const hasIdentity = (values: PartialMetadata) => Boolean(values.reference || values.summary);

/**
 * The row an element that names a reference or summary by class belongs to: its table row or list
 * item, else the largest ancestor holding no other element of that field (one card of a list).
 */
function rowOf(element: Element, sameField: Element[]): Element {
  const row = element.closest(ROW);
  if (row) return row;
  let current = element;
  while (
    current.parentElement &&
    !sameField.some((other) => other !== element && current.parentElement!.contains(other))
  ) {
    if (current.parentElement.tagName === 'BODY') break;
    current = current.parentElement;
  }
  return current;
}

function merge(...sources: PartialMetadata[]): DocumentMetadata {
  const metadata = emptyMetadata();
  for (const source of sources) {
    for (const [field, value] of Object.entries(source)) {
      const target = metadata as unknown as Record<string, unknown>;
      if (target[field] === null && value !== null && value !== undefined) target[field] = value;
    }
  }
  return metadata;
}

/** How sure: a reference that parses and a summary make a document; dates and names confirm it. */
export function confidenceOf(document: DocumentMetadata): number {
  let score = 0;
  if (document.reference) score += 0.45;
  if (document.summary) score += 0.35;
  if (document.issuedOn || document.receivedOn) score += 0.1;
  if (document.issuer || document.signer || document.type) score += 0.1;
  return Math.round(score * 100) / 100;
}

// How document systems name their registers in titles, menus and addresses.
const INCOMING = /v[aă]n\s*b[aả]n\s*đến|\bvbden\b|van[-_]?ban[-_]?den|\bvbde\b|incoming/iu;
const OUTGOING = /v[aă]n\s*b[aả]n\s*đi\b|\bvbdi\b|van[-_]?ban[-_]?di\b|đã\s+phát\s+hành|đã\s+ban\s+hành|outgoing/iu;

/** Which register a page shows, by its columns, then by what its title, headings and address say. */
function directionOf(document: Document, url: string, columns: ReadonlySet<TextField>): DocumentMetadata['direction'] {
  if (columns.has('receivedOn') || columns.has('arrivalNumber')) return 'incoming';
  if (columns.has('recipients')) return 'outgoing';
  const cues = [
    url,
    document.title ?? '',
    ...[...document.querySelectorAll('h1, h2, h3, h4, nav, .breadcrumb, [aria-current], .active')]
      .slice(0, 30)
      .map((element) => visibleText(element).slice(0, 200)),
  ].join('\n');
  const incoming = INCOMING.exec(cues);
  const outgoing = OUTGOING.exec(cues);
  if (incoming && outgoing) return incoming.index <= outgoing.index ? 'incoming' : 'outgoing';
  return incoming ? 'incoming' : outgoing ? 'outgoing' : null;
}

interface Candidate {
  element: Element;
  attributes: PartialMetadata;
  grid: PartialMetadata;
}

/** Candidate rows from attributes, class names and grid headers, each once, outermost kept, in page order. */
function candidateRows(root: ParentNode): { rows: Candidate[]; columns: Set<TextField> } {
  const all = [...root.querySelectorAll('*')];
  const order = new Map(all.map((element, index) => [element, index]));
  const byElement = new Map<Element, Candidate>();
  const add = (element: Element) => {
    let found = byElement.get(element);
    if (!found) {
      found = { element, attributes: {}, grid: {} };
      byElement.set(element, found);
    }
    return found;
  };
  const grids = readGrids(root);
  for (const row of grids.rows) add(row.element).grid = row.values;
  const classed: Record<'reference' | 'summary', Element[]> = { reference: [], summary: [] };
  for (const element of all) {
    if (element.attributes.length > 0) {
      const values = attributeValues(element);
      if (hasIdentity(values)) add(element).attributes = values;
    }
    const field = element.classList.length > 0 ? classField(element) : null;
    if (field === 'reference' || field === 'summary') classed[field].push(element);
  }
  for (const field of ['reference', 'summary'] as const) {
    for (const element of classed[field]) {
      if (fieldValue(field, visibleLines(element)) !== null) add(rowOf(element, classed[field]));
    }
  }
  // An attribute on a link inside a row already read is that row's.
  const rows = [...byElement.values()].sort((a, b) => (order.get(a.element) ?? 0) - (order.get(b.element) ?? 0));
  const kept: Candidate[] = [];
  for (const row of rows) {
    const outer = kept.find((other) => other.element.contains(row.element));
    if (!outer) kept.push(row);
    else outer.attributes = { ...row.attributes, ...outer.attributes };
  }
  return { rows: kept, columns: grids.columns };
}

/**
 * The documents a page lists or shows, read from what any document system draws: rows carrying
 * metadata in attributes, tables and grids by their header, cells and cards named by class, and
 * label–value pairs of a detail page. Documents only cited in running text are not the page's.
 */
export function readDocuments(document: Document, url = '', options: ReferenceOptions = {}): PageReading {
  const root: ParentNode = document.body ?? document;
  const { rows, columns } = candidateRows(root);
  const direction = directionOf(document, url, columns);
  const listed: Array<{ element: Element; document: FoundDocument }> = [];
  for (const row of rows) {
    const metadata = merge(row.attributes, row.grid, classValues(row.element));
    if (!metadata.reference && !metadata.summary) continue;
    metadata.direction = metadata.receivedOn || metadata.arrivalNumber ? 'incoming' : direction;
    const completed = completeMetadata(metadata, options);
    listed.push({ element: row.element, document: { ...completed, confidence: confidenceOf(completed) } });
  }

  const labelled = completeMetadata(scanLabels(root), options);
  labelled.direction ??= direction;
  const detail: FoundDocument = { ...labelled, confidence: confidenceOf(labelled) };
  const strongDetail = Boolean(labelled.reference && labelled.summary);
  // A lone "Nội dung: …" line is not a document's page: a subject needs a reference or a date or issuer with it.
  const isDetail = Boolean(
    labelled.reference ||
      (labelled.summary && (labelled.issuedOn || labelled.receivedOn || labelled.issuer || labelled.signer)),
  );
  if (listed.length >= 2 || (listed.length === 1 && !strongDetail)) {
    return { kind: 'list', documents: listed.map((l) => l.document), rows: listed.map((l) => l.element) };
  }
  if (isDetail) return { kind: 'detail', documents: [detail], rows: [] };
  return { kind: 'none', documents: [], rows: [] };
}
