import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, normalizeServerUrl, saveSettings } from './settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('normalizeServerUrl', () => {
  it.each([
    ['https://gom.songoaivu.gov.vn/', 'https://gom.songoaivu.gov.vn'],
    ['  http://127.0.0.1:8787//  ', 'http://127.0.0.1:8787'],
    ['https://portal.example/gom/?x=1#top', 'https://portal.example/gom'],
    ['HTTPS://Gom.Example', 'https://gom.example'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeServerUrl(input)).toBe(expected);
  });

  it.each(['gom.example', 'ftp://gom.example', 'javascript:alert(1)', ''])('refuses %j', (input) => {
    expect(() => normalizeServerUrl(input)).toThrow(/https:\/\/ hoặc http:\/\//);
  });
});

describe('settings', () => {
  it('are empty and Vietnamese until saved', async () => {
    expect(await loadSettings()).toEqual({ serverUrl: null, token: null, locale: 'vi' });
  });

  it('keep the normalised server URL and the token in storage.local', async () => {
    const saved = await saveSettings({ serverUrl: 'https://gom.example/', token: ' gom_abc ', locale: 'en' });
    expect(saved).toEqual({ serverUrl: 'https://gom.example', token: 'gom_abc', locale: 'en' });
    expect(await fakeBrowser.storage.local.get(['serverUrl', 'token'])).toEqual({
      serverUrl: 'https://gom.example',
      token: 'gom_abc',
    });
    expect(await loadSettings()).toEqual(saved);
  });

  it('refuse a bad URL and keep what was there', async () => {
    await saveSettings({ serverUrl: 'https://gom.example', token: 't', locale: 'vi' });
    await expect(saveSettings({ serverUrl: 'gom.example', token: 'u', locale: 'vi' })).rejects.toThrow();
    expect(await loadSettings()).toMatchObject({ serverUrl: 'https://gom.example', token: 't' });
  });
});
