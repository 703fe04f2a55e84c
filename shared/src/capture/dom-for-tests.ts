import { parseHTML } from 'linkedom';

/** A page's HTML as a DOM document, for tests of what capture reads from it (Node has no DOM). */
export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
