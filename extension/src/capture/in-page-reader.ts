/**
 * The page reader: the code that runs inside the officer's page, bundled as `read-page.js`
 * (`entrypoints/read-page.ts`) and injected by `readTab` (`read-tab.ts`) from the extension's side.
 */
// Straight to the modules, not `@gom/shared`: the package's index would bring zod, the taxonomy and
// the report pipeline into every page the officer asks Gom to read (budget: 15 KB gzipped).
import type { SiteAdapter } from '@gom/shared/capture/adapter';
import { type PageDocuments, readPage } from '@gom/shared/capture/read-page';

/** What the page shows, as plain data (structured-cloned back to the background). */
export interface PageRead {
  url: string;
  title: string;
  selection: string;
  documents: PageDocuments;
}

/** The name the reader goes by in the extension's isolated world of a page. */
export const READER_GLOBAL = 'gomReadPage';

export type PageReader = (adapters: SiteAdapter[]) => PageRead;

/** Reads the page this script runs in: its document metadata (adapters → labels → references) and the selection. */
export function readThisPage(adapters: SiteAdapter[]): PageRead {
  return {
    url: location.href,
    title: document.title,
    selection: getSelection()?.toString() ?? '',
    documents: readPage(document, location.href, adapters),
  };
}

export function definePageReader(scope: Record<string, unknown>): void {
  scope[READER_GLOBAL] = readThisPage satisfies PageReader;
}
