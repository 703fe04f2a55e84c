import type { DocumentMetadata } from './metadata';
import type { PageDocuments } from './read-page';

/** A document as `gom page` prints it (and the fixtures' expectations hold it): ISO dates, absent fields null. */
export interface PageJsonDocument {
  ref: string | null;
  type: string | null;
  date: string | null;
  issuer: string | null;
  summary: string | null;
  signer: string | null;
  direction: 'incoming' | 'outgoing' | null;
  receivedOn: string | null;
  dueOn: string | null;
}

export interface PageJson {
  kind: PageDocuments['kind'];
  documents: PageJsonDocument[];
}

export function toPageJsonDocument(document: DocumentMetadata): PageJsonDocument {
  return {
    ref: document.reference,
    type: document.type,
    date: document.issuedOn,
    issuer: document.issuer,
    summary: document.summary,
    signer: document.signer,
    direction: document.direction,
    receivedOn: document.receivedOn,
    dueOn: document.dueOn,
  };
}

export function toPageJson(page: PageDocuments): PageJson {
  return { kind: page.kind, documents: page.documents.map(toPageJsonDocument) };
}
