import { type Browser, browser } from 'wxt/browser';
import type { ClipInput } from '../capture/clip';
import { t } from '../i18n';
import { officerMessage } from '../officer-error';

export const CLIP_MENU_ID = 'gom-clip-selection';
export const CLIP_DOCUMENT_MENU_ID = 'gom-clip-document';
export const GATHER_MENU_ID = 'gom-gather';

function menuTitles(): Record<string, string> {
  const m = t();
  return {
    [CLIP_MENU_ID]: m.contextMenuTitle,
    [CLIP_DOCUMENT_MENU_ID]: m.clipDocumentMenuTitle,
    [GATHER_MENU_ID]: m.gatherMenuTitle,
  };
}

/** Run on install and update: menus outlive the service worker, and creating an existing id is an error. */
export async function createClipMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  const titles = menuTitles();
  browser.contextMenus.create({ id: CLIP_MENU_ID, title: titles[CLIP_MENU_ID]!, contexts: ['selection'] });
  // With no selection the page itself is the subject: its document, or the documents it lists.
  browser.contextMenus.create({ id: CLIP_DOCUMENT_MENU_ID, title: titles[CLIP_DOCUMENT_MENU_ID]!, contexts: ['page'] });
  browser.contextMenus.create({ id: GATHER_MENU_ID, title: titles[GATHER_MENU_ID]!, contexts: ['page'] });
}

/** After the officer switches the interface language. */
export async function retitleClipMenu(): Promise<void> {
  await Promise.all(Object.entries(menuTitles()).map(([id, title]) => browser.contextMenus.update(id, { title })));
}

/**
 * The badge's colours: grey for the pending count, red for a failure, amber for a clip saved that
 * repeats an item of its period. The colour outlasts the badge's text, which the pending count
 * rewrites as soon as the outbox moves (the clip itself moves it).
 */
export const BADGE_COLORS = { count: '#5f6368', failed: '#c5221f', duplicate: '#b06000' } as const;

/** How a menu action ended, as the toolbar button tells it. */
type MenuOutcome = { error: unknown } | { duplicateOf: string | null };

function duplicateOf(result: unknown): string | null {
  const named = (result as { duplicateOf?: unknown } | null)?.duplicateOf;
  return typeof named === 'string' ? named : null;
}

/**
 * A context menu has no place to show anything: a failed action puts "!" on the toolbar button,
 * with the reason as its tooltip; a duplicate clip, saved all the same, turns the badge amber with
 * the earlier item as its tooltip (no notification: that would take one more permission, and
 * the side panel shows both items for her to delete one). The next action resets both.
 */
async function showMenuOutcome(outcome: MenuOutcome): Promise<void> {
  const m = t();
  if ('error' in outcome) {
    await browser.action.setBadgeText({ text: '!' });
    await browser.action.setBadgeBackgroundColor({ color: BADGE_COLORS.failed });
    await browser.action.setTitle({ title: m.clipFailedBadgeTitle(officerMessage(outcome.error)) });
    return;
  }
  const duplicate = outcome.duplicateOf;
  await browser.action.setBadgeBackgroundColor({
    color: duplicate === null ? BADGE_COLORS.count : BADGE_COLORS.duplicate,
  });
  await browser.action.setTitle({ title: duplicate === null ? m.appName : m.duplicateBadgeTitle(duplicate) });
}

/** What each entry does; the page entries read the tab the menu was opened on. */
export interface MenuActions {
  capture: (input: ClipInput) => Promise<unknown>;
  clipDocument: (tabId: number) => Promise<unknown>;
  gather: (tabId: number) => Promise<unknown>;
}

function actionFor(
  actions: MenuActions,
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): (() => Promise<unknown>) | undefined {
  switch (info.menuItemId) {
    case CLIP_MENU_ID:
      // `pageUrl` covers the PDF viewer, whose tab may not expose one.
      return () =>
        actions.capture({
          text: info.selectionText ?? '',
          url: tab?.url ?? info.pageUrl ?? null,
          title: tab?.title ?? null,
        });
    case CLIP_DOCUMENT_MENU_ID:
    case GATHER_MENU_ID: {
      const run = info.menuItemId === GATHER_MENU_ID ? actions.gather : actions.clipDocument;
      return () => (tab?.id === undefined ? Promise.reject(new Error('no tab')) : run(tab.id));
    }
    default:
      return undefined;
  }
}

/** Runs Gom's entries when the officer picks one; other extensions' entries are left alone. Returns a disposer. */
export function listenForClipMenu(actions: MenuActions): () => void {
  const listener = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> | undefined => {
    const action = actionFor(actions, info, tab);
    if (!action) return undefined;
    return action().then(
      (result) => showMenuOutcome({ duplicateOf: duplicateOf(result) }),
      (error: unknown) => {
        console.error('Gom: menu action failed', error);
        return showMenuOutcome({ error });
      },
    );
  };
  browser.contextMenus.onClicked.addListener(listener);
  return () => browser.contextMenus.onClicked.removeListener(listener);
}
