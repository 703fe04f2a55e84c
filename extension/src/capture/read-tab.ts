import type { SiteAdapter } from '@gom/shared';
import { browser } from 'wxt/browser';
import { OfficerError } from '../officer-error';
import { type PageRead, type PageReader, READER_GLOBAL } from './in-page-reader';

export type { PageRead } from './in-page-reader';

// WXT names the unlisted script's output after its entrypoint file.
const READER_FILE = '/read-page.js';

/**
 * What a tab shows, read by injecting the page reader (`in-page-reader.ts`, bundled as
 * `read-page.js`) into its top frame. Works only where Gom
 * may script the tab: `activeTab` after the officer's gesture (or the test build's host access).
 */
export async function readTab(tabId: number, adapters: SiteAdapter[]): Promise<PageRead> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [READER_FILE] });
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      // Runs in the page's isolated world, where the file above left the reader: no closure survives the trip.
      func: (name: string, unitAdapters: SiteAdapter[]) =>
        (globalThis as unknown as Record<string, PageReader>)[name]!(unitAdapters),
      args: [READER_GLOBAL, adapters],
    });
    const read = injection?.result as PageRead | undefined;
    if (!read) throw new Error('the page reader returned nothing');
    return read;
  } catch (error) {
    throw new OfficerError('cannotReadPage', error instanceof Error ? error.message : String(error), { cause: error });
  }
}
