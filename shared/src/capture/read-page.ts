import type { ReferenceOptions } from '../references';
import { pickAdapter, runAdapter, type SiteAdapter } from './adapter';
import { confidenceOf, type FoundDocument, type PageReading, readDocuments } from './generic-reader';
import { completeMetadata, type DocumentMetadata, isDocument } from './metadata';

export interface PageDocuments {
  /** What the page is: a list of documents, one document's page, or neither (an article, a staff table). */
  kind: PageReading['kind'];
  /** Whether a site adapter refined what the generic reader found. */
  via: 'adapter' | 'reader' | 'none';
  adapterId: string | null;
  documents: FoundDocument[];
}

/** A site adapter's values over the generic reader's: the adapter knows its system, the reader fills its gaps. */
function refine(read: DocumentMetadata, base: DocumentMetadata | undefined, options: ReferenceOptions): FoundDocument {
  const merged = { ...(base ?? read) } as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(read)) if (value !== null) merged[field] = value;
  const document = completeMetadata(merged as unknown as DocumentMetadata, options);
  return { ...document, confidence: confidenceOf(document) };
}

function withAdapter(
  adapter: SiteAdapter,
  document: Document,
  reading: PageReading,
  options: ReferenceOptions,
): FoundDocument[] {
  const read = runAdapter(adapter, document, options);
  if (adapter.kind === 'detail') {
    return read.map((one) => refine(one, reading.kind === 'detail' ? reading.documents[0] : undefined, options));
  }
  const rows = [...document.querySelectorAll(adapter.rows ?? 'tr')];
  return read.map((one, index) => {
    const row = rows[index];
    const at = row ? reading.rows.findIndex((element) => element === row || row.contains(element)) : -1;
    return refine(one, at >= 0 ? reading.documents[at] : undefined, options);
  });
}

/**
 * The documents a page lists or shows: the generic reader's (any document system's lists and
 * detail pages), refined by the page's site adapter where a unit or Gom has one.
 */
export function readPage(
  document: Document,
  url: string,
  adapters: readonly SiteAdapter[],
  options: ReferenceOptions = {},
): PageDocuments {
  const reading = readDocuments(document, url, options);
  const adapter = pickAdapter(adapters, url, document);
  if (adapter) {
    const documents = withAdapter(adapter, document, reading, options).filter(isDocument);
    if (documents.length > 0) return { kind: adapter.kind, via: 'adapter', adapterId: adapter.id, documents };
  }
  return {
    kind: reading.kind,
    via: reading.kind === 'none' ? 'none' : 'reader',
    adapterId: null,
    documents: reading.documents,
  };
}
