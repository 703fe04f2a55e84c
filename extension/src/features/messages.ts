import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { ClipInput } from './clip';
import { officerMessage } from './officer-error';
import type { SyncResult } from './sync-client';

/**
 * The messages the background answers. Extension pages (side panel, quick capture) and the
 * end-to-end tests use them: `clip` takes the same path as the context menu.
 */
const messageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('clip'),
    text: z.string(),
    url: z.string().nullish(),
    title: z.string().nullish(),
  }),
  z.object({ type: z.literal('sync') }),
]);
export type ClipMessage = Extract<z.infer<typeof messageSchema>, { type: 'clip' }>;
export type SyncMessage = { type: 'sync' };

export type Failure = { ok: false; error: string };
export type ClipReply = { ok: true; itemId: string } | Failure;
export type SyncReply = ({ ok: true } & SyncResult) | Failure;

export interface MessageDeps {
  capture: (input: ClipInput) => Promise<string>;
  requestSync: () => Promise<SyncResult>;
}

/** Whether a message claims to be one of Gom's; other listeners (future features, other scripts) take the rest. */
function isForGom(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'clip' || type === 'sync';
}

/** The answer to a message, or undefined when it is not one of Gom's. */
export async function handleMessage(message: unknown, deps: MessageDeps): Promise<ClipReply | SyncReply | undefined> {
  if (!isForGom(message)) return undefined;
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  try {
    if (parsed.data.type === 'clip') {
      const { text, url, title } = parsed.data;
      return { ok: true, itemId: await deps.capture({ text, url, title }) };
    }
    return { ok: true, ...(await deps.requestSync()) };
  } catch (error) {
    return { ok: false, error: officerMessage(error) };
  }
}

/** Answers Gom's messages through `sendResponse`, the one way every Chromium version accepts asynchronously. */
export function listenForMessages(deps: MessageDeps): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): boolean => {
    if (!isForGom(message)) return false;
    void handleMessage(message, deps).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export function askBackground(message: ClipMessage): Promise<ClipReply>;
export function askBackground(message: SyncMessage): Promise<SyncReply>;
export function askBackground(message: ClipMessage | SyncMessage): Promise<ClipReply | SyncReply> {
  return browser.runtime.sendMessage(message);
}
