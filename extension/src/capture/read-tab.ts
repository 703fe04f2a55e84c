import type { SiteAdapter } from '@gom/shared';
import { browser } from 'wxt/browser';
import type { ErrorReason } from '../i18n';
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
    // The browser's own words stay in `cause` for support: the officer reads one language, and why.
    throw new OfficerError(readFailure(error instanceof Error ? error.message : String(error)), null, { cause: error });
  }
}

/**
 * Why Chromium refused to script a tab, from its error's words (it gives no code): the host is not
 * granted (the officer can grant it), the page is the browser's own or the store's (no extension
 * may read it), or the tab closed or navigated away meanwhile.
 */
export function readFailure(message: string): ErrorReason {
  if (/must request permission|Cannot access contents of/i.test(message)) return 'noPageAccess';
  if (
    /Cannot access a chrome|chrome-extension:\/\/|extensions gallery cannot be scripted|Cannot access a .*URL/i.test(
      message,
    )
  ) {
    return 'browserPage';
  }
  if (
    /No tab with id|Frame with ID .* (?:was removed|is showing error page)|tab was closed|page.*navigat/i.test(message)
  ) {
    return 'pageGone';
  }
  return 'cannotReadPage';
}
