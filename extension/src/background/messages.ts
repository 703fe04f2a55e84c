import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { ClipInput, ClipOutcome } from '../capture/clip';
import type { DocumentClipOutcome } from '../capture/page-capture';
import { officerMessage } from '../officer-error';
import type { SyncRequest, SyncResult } from '../sync/sync-client';
import { isOwnPage, type MessageSender } from './message-sender';

const tabMessage = <T extends string>(type: T) => z.object({ type: z.literal(type), tabId: z.number().int() });

/**
 * The messages the background answers, from the extension's own pages only (`isOwnPage`): the side
 * panel, quick capture and the end-to-end tests' pages. Each takes the same path as its
 * context-menu entry or shortcut.
 */
const messageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('clip'),
    text: z.string(),
    url: z.string().nullish(),
    title: z.string().nullish(),
  }),
  // `immediate`: the officer asked (the side panel's button), so the backoff of earlier failures is skipped.
  z.object({ type: z.literal('sync'), immediate: z.boolean().optional() }),
  tabMessage('clip-document'),
  tabMessage('gather'),
  tabMessage('quick-capture'),
]);
type GomMessage = z.infer<typeof messageSchema>;
const gomTypes: ReadonlySet<unknown> = new Set(messageSchema.options.map((option) => option.shape.type.value));

export type ClipMessage = Extract<GomMessage, { type: 'clip' }>;
export type SyncMessage = Extract<GomMessage, { type: 'sync' }>;
export type TabMessage = Extract<GomMessage, { tabId: number }>;

export type Failure = { ok: false; error: string };
export type ClipReply = ({ ok: true } & ClipOutcome) | Failure;
export type SyncReply = ({ ok: true } & SyncResult) | Failure;
export type ClipDocumentReply = ({ ok: true } & DocumentClipOutcome) | Failure;
export type DraftReply = { ok: true; draftId: string } | Failure;
type Reply = ClipReply | SyncReply | ClipDocumentReply | DraftReply;

export interface MessageDeps {
  capture: (input: ClipInput) => Promise<ClipOutcome>;
  requestSync: (request?: SyncRequest) => Promise<SyncResult>;
  clipDocument: (tabId: number) => Promise<DocumentClipOutcome>;
  /** These two open a page for the officer and answer with the draft it shows. */
  gather: (tabId: number) => Promise<string>;
  quickCapture: (tabId: number) => Promise<string>;
}

/** Whether a message claims to be one of Gom's; other listeners (future features, other scripts) take the rest. */
function isForGom(message: unknown): boolean {
  return gomTypes.has((message as { type?: unknown } | null)?.type);
}

async function answer(message: GomMessage, deps: MessageDeps): Promise<Reply> {
  switch (message.type) {
    case 'clip': {
      const { text, url, title } = message;
      return { ok: true, ...(await deps.capture({ text, url, title })) };
    }
    case 'sync':
      return { ok: true, ...(await deps.requestSync({ immediate: message.immediate ?? false })) };
    case 'clip-document':
      return { ok: true, ...(await deps.clipDocument(message.tabId)) };
    case 'gather':
      return { ok: true, draftId: await deps.gather(message.tabId) };
    case 'quick-capture':
      return { ok: true, draftId: await deps.quickCapture(message.tabId) };
  }
}

/** The answer to a message, or undefined when it is not one of Gom's. */
export async function handleMessage(message: unknown, deps: MessageDeps): Promise<Reply | undefined> {
  if (!isForGom(message)) return undefined;
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  try {
    return await answer(parsed.data, deps);
  } catch (error) {
    return { ok: false, error: officerMessage(error) };
  }
}

/**
 * Answers Gom's messages through `sendResponse`, the one way every Chromium version accepts
 * asynchronously; a message from anywhere but the extension's own pages gets no answer.
 */
export function listenForMessages(deps: MessageDeps): () => void {
  const listener = (message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void): boolean => {
    if (!isForGom(message)) return false;
    if (!isOwnPage(sender)) {
      console.warn('Gom: a message from outside its own pages was ignored', sender.url);
      return false;
    }
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
