import { browser } from 'wxt/browser';

/** Who sent a runtime message: the parts of the browser's `MessageSender` the check reads. */
export interface MessageSender {
  id?: string;
  url?: string;
}

/** This extension as a sender names it: its id, and the origin of its pages. */
export interface OwnExtension {
  id: string;
  origin: string;
}

const thisExtension = (): OwnExtension => ({ id: browser.runtime.id, origin: browser.runtime.getURL('/') });

/**
 * Whether a message comes from one of this extension's own pages (side panel, quick capture,
 * gather, options, report preview). Gom has no content script that messages the background — the
 * page reader it injects hands back what it read as `scripting.executeScript`'s result — so a
 * message from a web page's frame is refused, whatever script in it sent it, and so is any other
 * extension's: each message can clip, sync or act on a tab in the officer's name.
 */
export function isOwnPage(sender: MessageSender, own: OwnExtension = thisExtension()): boolean {
  return sender.id === own.id && typeof sender.url === 'string' && sender.url.startsWith(own.origin);
}
