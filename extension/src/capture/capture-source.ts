import { browser } from 'wxt/browser';
import { dropDraft, readDraft } from './drafts';
import { type CaptureDraft, draftFromPage, emptyDraft } from './quick-capture';
import type { PageRead } from './read-tab';

/**
 * Where the quick-capture page starts from, by its address: `?draft=` (the shortcut read the tab
 * already), `?tab=` (a given tab), or nothing (the toolbar popup: the active tab, which the
 * toolbar click granted).
 */
export async function loadCaptureDraft(
  search: string,
  read: (tabId: number) => Promise<PageRead>,
): Promise<CaptureDraft> {
  const params = new URLSearchParams(search);
  const draftId = params.get('draft');
  if (draftId) {
    const draft = await readDraft<CaptureDraft>(draftId);
    await dropDraft(draftId);
    return draft ?? emptyDraft;
  }
  const tabId = Number(params.get('tab'));
  // A tab closed meanwhile leaves the form empty, not broken.
  const tab = await (Number.isInteger(tabId) && tabId > 0
    ? browser.tabs.get(tabId)
    : browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0])
  ).catch(() => undefined);
  if (tab?.id === undefined) return emptyDraft;
  try {
    return draftFromPage(await read(tab.id));
  } catch {
    // The browser's own pages cannot be read: the officer types what she did.
    return { ...emptyDraft, url: tab.url ?? null, title: tab.title ?? null };
  }
}
