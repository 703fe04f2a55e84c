import { findReferences, type ReferenceOptions } from '../references';
import { pickAdapter, runAdapter, type SiteAdapter } from './adapter';
import { scanLabels } from './labels';
import { completeMetadata, type DocumentMetadata, emptyMetadata, isDocument } from './metadata';

export interface PageDocuments {
  /** How the documents were found: a site adapter, the label scanner, or references in the text. */
  via: 'adapter' | 'labels' | 'text' | 'none';
  adapterId: string | null;
  documents: DocumentMetadata[];
}

const MAX_TEXT = 200_000;

/**
 * The documents a page shows, by the most specific means that finds any: the page's site adapter,
 * then the labels of a detail page, then the references cited in its text (a portal article).
 */
export function readPage(
  document: Document,
  url: string,
  adapters: readonly SiteAdapter[],
  options: ReferenceOptions = {},
): PageDocuments {
  const adapter = pickAdapter(adapters, url, document);
  if (adapter) {
    const documents = runAdapter(adapter, document, options).filter(isDocument);
    if (documents.length > 0) return { via: 'adapter', adapterId: adapter.id, documents };
  }
  const labelled = completeMetadata(scanLabels(document.body ?? document), options);
  if (isDocument(labelled)) return { via: 'labels', adapterId: null, documents: [labelled] };

  const text = (document.body?.textContent ?? '').slice(0, MAX_TEXT);
  const seen = new Set<string>();
  const documents: DocumentMetadata[] = [];
  for (const found of findReferences(text, options)) {
    if (seen.has(found.ref)) continue;
    seen.add(found.ref);
    documents.push({
      ...emptyMetadata(),
      reference: found.ref,
      type: found.type,
      issuedOn: found.date,
      issuer: found.issuer,
      summary: found.summary,
    });
  }
  return { via: documents.length > 0 ? 'text' : 'none', adapterId: null, documents };
}
