import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isOwnPage } from './message-sender';

beforeEach(() => fakeBrowser.reset());

describe('isOwnPage', () => {
  const own = {
    id: 'ccjbpeiejpoifgaabplpnfafapmdhcjd',
    origin: 'chrome-extension://ccjbpeiejpoifgaabplpnfafapmdhcjd/',
  };

  it("takes the extension's own pages", () => {
    for (const page of ['sidepanel.html', 'popup.html?draft=1', 'gather.html', 'options.html', 'report.html']) {
      expect(isOwnPage({ id: own.id, url: `${own.origin}${page}` }, own)).toBe(true);
    }
    const firefox = { id: 'gom@gom.local', origin: 'moz-extension://5f0c9a7e-3a1d-4c52-9a57-0f7b6d6e2c11/' };
    expect(isOwnPage({ id: firefox.id, url: `${firefox.origin}sidepanel.html` }, firefox)).toBe(true);
  });

  it.each([
    ['a web page, as a script in its frame sends it', { id: own.id, url: 'https://vanban.example/doc/12' }],
    ['a page whose address merely starts like the id', { id: own.id, url: `https://${own.id}.example/` }],
    ['another extension', { id: 'abcdefghijklmnopabcdefghijklmnop', url: `${own.origin}sidepanel.html` }],
    [
      "another extension's page",
      { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html' },
    ],
    ['a sender without an address', { id: own.id }],
    ['a sender without an id', { url: `${own.origin}sidepanel.html` }],
    ['nothing said of the sender', {}],
  ])('refuses %s', (_, sender) => {
    expect(isOwnPage(sender, own)).toBe(false);
  });

  it('knows this extension from the browser by default', () => {
    expect(isOwnPage({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') })).toBe(true);
    expect(isOwnPage({ id: fakeBrowser.runtime.id, url: 'https://vanban.example/' })).toBe(false);
  });
});
