import { browser } from 'wxt/browser';
import { putDraft } from '../capture/drafts';
import { type CaptureDraft, draftFromPage, emptyDraft } from '../capture/quick-capture';
import type { PageRead } from '../capture/read-tab';

export const QUICK_CAPTURE_COMMAND = 'quick-capture';

export interface QuickCaptureDeps {
  read: (tabId: number) => Promise<PageRead>;
  /** Opens an extension page in a small window of its own, e.g. `/popup.html?draft=…`. */
  openWindow: (path: string) => Promise<unknown>;
}

export interface TabInfo {
  id?: number;
  url?: string;
  title?: string;
}

/**
 * The shortcut's quick capture: the tab is read now, while the keystroke's `activeTab` grant
 * holds, and the form opens on what was read. A page Gom may not read (the browser's own pages)
 * still gets an empty form: the officer can type what she did.
 */
export async function openQuickCapture(deps: QuickCaptureDeps, tab: TabInfo | undefined): Promise<string> {
  let draft: CaptureDraft = { ...emptyDraft, url: tab?.url ?? null, title: tab?.title ?? null };
  if (tab?.id !== undefined) {
    try {
      draft = draftFromPage(await deps.read(tab.id));
    } catch (error) {
      console.warn('Gom: quick capture opens without the page', error);
    }
  }
  return showQuickCapture(deps.openWindow, draft);
}

/** Quick capture in a window of its own, on `draft`; returns the draft's id. */
export async function showQuickCapture(
  openWindow: QuickCaptureDeps['openWindow'],
  draft: CaptureDraft,
): Promise<string> {
  const draftId = await putDraft(draft);
  await openWindow(`/popup.html?draft=${draftId}`);
  return draftId;
}

/** Runs quick capture on its keyboard shortcut (`commands` in the manifest). Returns a disposer. */
export function listenForShortcut(open: (tab: TabInfo | undefined) => Promise<unknown>): () => void {
  const listener = (command: string, tab?: TabInfo) => {
    if (command !== QUICK_CAPTURE_COMMAND) return;
    open(tab).catch((error: unknown) => console.error('Gom: quick capture failed', error));
  };
  browser.commands.onCommand.addListener(listener);
  return () => browser.commands.onCommand.removeListener(listener);
}
