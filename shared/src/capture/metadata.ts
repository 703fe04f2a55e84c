import type { SourceDocument } from '../item';
import {
  describeReference,
  findReferences,
  isReference,
  parseDocumentDate,
  type ReferenceOptions,
} from '../references';
import { cleanText } from '../text';

/**
 * What a document system shows of a document (Nghị định 30, Phụ lục VI): the item's source
 * document plus what only registers show — recipients, urgency, arrival number and date.
 */
export interface DocumentMetadata {
  reference: string | null;
  type: string | null;
  issuedOn: string | null;
  issuer: string | null;
  summary: string | null;
  signer: string | null;
  direction: 'incoming' | 'outgoing' | null;
  dueOn: string | null;
  recipients: string[] | null;
  urgency: string | null;
  arrivalNumber: string | null;
  receivedOn: string | null;
}
export type MetadataField = keyof DocumentMetadata;
/** The fields a page can show as text; `direction` comes from the kind of page, not from a label. */
export type TextField = Exclude<MetadataField, 'direction'>;

export const textFields: readonly TextField[] = [
  'reference',
  'type',
  'issuedOn',
  'issuer',
  'summary',
  'signer',
  'dueOn',
  'recipients',
  'urgency',
  'arrivalNumber',
  'receivedOn',
];

export function emptyMetadata(): DocumentMetadata {
  return {
    reference: null,
    type: null,
    issuedOn: null,
    issuer: null,
    summary: null,
    signer: null,
    direction: null,
    dueOn: null,
    recipients: null,
    urgency: null,
    arrivalNumber: null,
    receivedOn: null,
  };
}

const DATE_FIELDS = new Set<TextField>(['issuedOn', 'dueOn', 'receivedOn']);

/** A field's value as a page shows it (a cell, an attribute) turned into the metadata's form. */
export function readField<F extends TextField>(field: F, raw: string | null | undefined): DocumentMetadata[F] | null {
  const text = raw == null ? '' : cleanText(raw);
  if (!text) return null;
  if (DATE_FIELDS.has(field)) return parseDocumentDate(text) as DocumentMetadata[F];
  // "Nơi nhận" lists one addressee a line or separated by semicolons; commas live inside names
  // ("UBND các huyện, thành phố, thị xã").
  if (field === 'recipients') {
    const list = (raw ?? '')
      .split(/[;\n]/)
      .map((part) => cleanText(part).replace(/^[-+•]\s*/u, ''))
      .filter(Boolean);
    return (list.length > 0 ? list : null) as DocumentMetadata[F];
  }
  // Registers write "Thường" for a document that is not urgent: the samples leave it out.
  if (field === 'urgency' && /^(?:bình\s+)?thường$/iu.test(text)) return null;
  if (field === 'reference' && !isReference(text)) {
    return (findReferences(text)[0]?.ref ?? null) as DocumentMetadata[F];
  }
  return text as DocumentMetadata[F];
}

const TYPE_IN_SUMMARY =
  /^(Tờ trình|Báo cáo|Kế hoạch|Quyết định|Thông báo|Chương trình|Hướng dẫn|Giấy mời|Công điện|Nghị quyết|Chỉ thị)\b/u;

/** Fills what the reference and the summary imply: `17/TTr-SNgV` is a tờ trình, `V/v …` a công văn. */
export function completeMetadata(metadata: DocumentMetadata, options: ReferenceOptions = {}): DocumentMetadata {
  const described = metadata.reference ? describeReference(metadata.reference, options) : null;
  const fromSummary = metadata.summary
    ? (TYPE_IN_SUMMARY.exec(metadata.summary)?.[1] ?? (/^V\/v\b/iu.test(metadata.summary) ? 'Công văn' : null))
    : null;
  return {
    ...metadata,
    type: metadata.type ?? fromSummary ?? described?.type ?? null,
    issuer: metadata.issuer ?? described?.issuer ?? null,
  };
}

/** Whether a page gave enough to call it a document. */
export function isDocument(metadata: DocumentMetadata): boolean {
  return metadata.reference !== null || metadata.summary !== null;
}

/** The item's `source.document`, as the item schema holds it. */
export function toSourceDocument(metadata: DocumentMetadata): SourceDocument {
  const { reference, type, issuedOn, issuer, summary, signer, direction, dueOn } = metadata;
  return { reference, type, issuedOn, issuer, summary, signer, direction, dueOn };
}
