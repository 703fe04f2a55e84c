import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureClip } from '../capture/clip';
import { OfficerError } from '../officer-error';
import { type GomDb, openGomDb } from '../store/db';
import { handleMessage, listenForMessages, type MessageDeps } from './messages';

let db: GomDb;
let deps: MessageDeps;
beforeEach(() => {
  fakeBrowser.reset();
  db = openGomDb(`test-${crypto.randomUUID()}`);
  const requestSync = vi.fn(() => Promise.resolve({ pushed: 2, pulled: 3 }));
  deps = {
    capture: (input) => captureClip({ db, requestSync }, input),
    requestSync,
    clipDocument: vi.fn(() => Promise.resolve({ itemId: 'item-1', duplicateOf: null })),
    gather: vi.fn(() => Promise.resolve('draft-1')),
    quickCapture: vi.fn(() => Promise.resolve('draft-2')),
  };
});
afterEach(async () => {
  await db.delete();
});

describe('handleMessage', () => {
  it('clips as the context menu does and answers with the item id', async () => {
    const reply = await handleMessage(
      { type: 'clip', text: 'Góp ý dự thảo', url: 'https://a.example', title: 'A' },
      deps,
    );
    expect(reply).toEqual({ ok: true, itemId: expect.any(String), duplicateOf: null });
    const itemId = reply?.ok && 'itemId' in reply ? reply.itemId : '';
    expect((await db.items.get(itemId))?.fields.source).toMatchObject({ url: 'https://a.example', title: 'A' });
    expect(deps.requestSync).toHaveBeenCalledOnce();
  });

  it('names the earlier item of the month when the clip repeats it, and saves it all the same', async () => {
    await handleMessage({ type: 'clip', text: 'Góp ý dự thảo Kế hoạch hoá' }, deps);
    const reply = await handleMessage({ type: 'clip', text: ' góp ý  dự thảo kế hoạch hóa' }, deps);
    expect(reply).toEqual({ ok: true, itemId: expect.any(String), duplicateOf: 'Góp ý dự thảo Kế hoạch hoá' });
    expect(await db.items.count()).toBe(2);
  });

  it('answers a failed clip with the reason', async () => {
    expect(await handleMessage({ type: 'clip', text: ' ' }, deps)).toEqual({
      ok: false,
      error: 'Đoạn chọn không có chữ nào để lưu.',
    });
    expect(await handleMessage({ type: 'clip', text: 42 }, deps)).toMatchObject({
      ok: false,
      error: expect.stringContaining('text'),
    });
  });

  it('syncs now and answers with the counts, or the error', async () => {
    expect(await handleMessage({ type: 'sync' }, deps)).toEqual({ ok: true, pushed: 2, pulled: 3 });
    expect(deps.requestSync).toHaveBeenLastCalledWith({ immediate: false });
    // The side panel's button: the officer waits for this one, so it must not wait out the backoff.
    await handleMessage({ type: 'sync', immediate: true }, deps);
    expect(deps.requestSync).toHaveBeenLastCalledWith({ immediate: true });
    deps.requestSync = () => Promise.reject(new OfficerError('network'));
    expect(await handleMessage({ type: 'sync' }, deps)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Không kết nối được tới máy chủ Gom/),
    });
  });

  it("runs the page actions on the message's tab", async () => {
    expect(await handleMessage({ type: 'clip-document', tabId: 4 }, deps)).toEqual({
      ok: true,
      itemId: 'item-1',
      duplicateOf: null,
    });
    expect(await handleMessage({ type: 'gather', tabId: 5 }, deps)).toEqual({ ok: true, draftId: 'draft-1' });
    expect(await handleMessage({ type: 'quick-capture', tabId: 6 }, deps)).toEqual({ ok: true, draftId: 'draft-2' });
    expect(deps.clipDocument).toHaveBeenCalledWith(4);
    expect(deps.gather).toHaveBeenCalledWith(5);
    expect(deps.quickCapture).toHaveBeenCalledWith(6);
    expect(await handleMessage({ type: 'gather' }, deps)).toMatchObject({
      ok: false,
      error: expect.stringContaining('tabId'),
    });
  });

  it('leaves other messages to other listeners', async () => {
    expect(await handleMessage({ type: 'ping' }, deps)).toBeUndefined();
    expect(await handleMessage('hello', deps)).toBeUndefined();
    expect(await handleMessage(null, deps)).toBeUndefined();
  });
});

describe('listenForMessages', () => {
  type Listener = (m: unknown, s: unknown, r: (reply: unknown) => void) => boolean;
  const ownPage = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
  const listen = () => {
    const addListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    listenForMessages(deps);
    return addListener.mock.calls[0]?.[0] as Listener;
  };

  it('answers asynchronously through sendResponse', async () => {
    const listener = listen();
    const replied = new Promise((resolve) => {
      expect(listener({ type: 'sync' }, ownPage, resolve)).toBe(true);
    });
    expect(await replied).toEqual({ ok: true, pushed: 2, pulled: 3 });
    expect(listener({ type: 'other' }, ownPage, () => {})).toBe(false);
  });

  it("ignores Gom's messages from anywhere but the extension's own pages, and does nothing they ask", async () => {
    const listener = listen();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const outsiders = [
      { id: fakeBrowser.runtime.id, url: 'https://vanban.example/doc/12', tab: { id: 4 } },
      { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html' },
      {},
    ];
    for (const sender of outsiders) {
      for (const message of [{ type: 'clip', text: 'Chèn vào Gom' }, { type: 'sync' }, { type: 'gather', tabId: 4 }]) {
        const reply = vi.fn();
        expect(listener(message, sender, reply)).toBe(false);
        expect(reply).not.toHaveBeenCalled();
      }
    }
    await new Promise((done) => setTimeout(done, 10));
    expect(deps.requestSync).not.toHaveBeenCalled();
    expect(deps.gather).not.toHaveBeenCalled();
    expect(await db.items.count()).toBe(0);
    expect(warn).toHaveBeenCalledTimes(9);
    warn.mockRestore();
  });
});
