import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readDraft } from '../capture/drafts';
import type { CaptureDraft } from '../capture/quick-capture';
import type { PageRead } from '../capture/read-tab';
import { listenForShortcut, openQuickCapture, QUICK_CAPTURE_COMMAND } from './shortcut';

const read: PageRead = {
  url: 'https://x.vn/vb/17',
  title: 'Chi tiết',
  selection: 'Góp ý dự thảo',
  documents: { kind: 'none', via: 'none', adapterId: null, documents: [] },
};

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('openQuickCapture', () => {
  it('reads the tab while the shortcut grants it, and opens the form on what it read', async () => {
    const openWindow = vi.fn(() => Promise.resolve());
    const draftId = await openQuickCapture({ read: () => Promise.resolve(read), openWindow }, { id: 4 });
    expect(openWindow).toHaveBeenCalledWith(`/popup.html?draft=${draftId}`);
    expect(await readDraft<CaptureDraft>(draftId)).toEqual({
      selection: 'Góp ý dự thảo',
      url: 'https://x.vn/vb/17',
      title: 'Chi tiết',
      document: null,
    });
  });

  it('opens an empty form on a page Gom may not read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const openWindow = vi.fn(() => Promise.resolve());
    const draftId = await openQuickCapture(
      { read: () => Promise.reject(new Error('Cannot access a chrome:// URL')), openWindow },
      { id: 4, url: 'chrome://settings', title: 'Settings' },
    );
    expect(await readDraft<CaptureDraft>(draftId)).toEqual({
      selection: '',
      url: 'chrome://settings',
      title: 'Settings',
      document: null,
    });
  });
});

describe('listenForShortcut', () => {
  it('answers its own command only, until disposed', () => {
    // fakeBrowser has no working `commands`: spy on the calls Gom makes.
    const add = vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    const remove = vi.spyOn(fakeBrowser.commands.onCommand, 'removeListener').mockImplementation(() => {});
    const open = vi.fn(() => Promise.resolve());
    const dispose = listenForShortcut(open);
    const listener = add.mock.calls[0]![0] as unknown as (command: string, tab?: object) => void;
    listener(QUICK_CAPTURE_COMMAND, { id: 1 });
    listener('something-else', { id: 2 });
    expect(open).toHaveBeenCalledExactlyOnceWith({ id: 1 });
    dispose();
    expect(remove).toHaveBeenCalledWith(listener);
  });
});
