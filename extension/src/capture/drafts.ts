import { browser } from 'wxt/browser';

/**
 * What one extension page hands another it opens (the proposals of a gathered list, the page a
 * quick capture starts from). Kept in `storage.session`: out of the URL, gone when the browser
 * closes, and still there if the service worker stops between the two.
 */
const PREFIX = 'draft:';

export async function putDraft<T>(value: T): Promise<string> {
  const id = crypto.randomUUID();
  await browser.storage.session.set({ [PREFIX + id]: value });
  return id;
}

/** The draft, or null once it is gone (used, or the browser restarted). */
export async function readDraft<T>(id: string): Promise<T | null> {
  const stored = await browser.storage.session.get(PREFIX + id);
  return (stored[PREFIX + id] as T | undefined) ?? null;
}

export async function dropDraft(id: string): Promise<void> {
  await browser.storage.session.remove(PREFIX + id);
}
