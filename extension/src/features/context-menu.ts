import { type Browser, browser } from 'wxt/browser';
import { t } from '../i18n';
import type { ClipInput } from './clip';
import { officerMessage } from './officer-error';

export const CLIP_MENU_ID = 'gom-clip-selection';

/** Run on install and update: menus outlive the service worker, and creating an existing id is an error. */
export async function createClipMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CLIP_MENU_ID, title: t().contextMenuTitle, contexts: ['selection'] });
}

/** After the officer switches the interface language. */
export async function retitleClipMenu(): Promise<void> {
  await browser.contextMenus.update(CLIP_MENU_ID, { title: t().contextMenuTitle });
}

/**
 * A context menu has no place to show an error: a failed clip puts "!" on the toolbar button,
 * with the reason as its tooltip, until the next clip succeeds.
 */
async function showClipOutcome(error: unknown): Promise<void> {
  await browser.action.setBadgeText({ text: error === null ? '' : '!' });
  await browser.action.setTitle({
    title: error === null ? t().appName : t().clipFailedBadgeTitle(officerMessage(error)),
  });
}

/**
 * Saves the selection when the officer picks Gom's entry; the page's tab gives the URL and title
 * (`pageUrl` covers the PDF viewer, whose tab may not expose one). Returns a disposer.
 */
export function listenForClipMenu(capture: (input: ClipInput) => Promise<unknown>): () => void {
  const listener = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> | undefined => {
    if (info.menuItemId !== CLIP_MENU_ID) return undefined;
    const input: ClipInput = {
      text: info.selectionText ?? '',
      url: tab?.url ?? info.pageUrl ?? null,
      title: tab?.title ?? null,
    };
    return capture(input).then(
      () => showClipOutcome(null),
      (error: unknown) => {
        console.error('Gom: clip failed', error);
        return showClipOutcome(error);
      },
    );
  };
  browser.contextMenus.onClicked.addListener(listener);
  return () => browser.contextMenus.onClicked.removeListener(listener);
}
