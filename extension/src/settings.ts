import { browser } from 'wxt/browser';
import { isLocale, type Locale } from './i18n';
import { OfficerError } from './officer-error';

export interface Settings {
  /** Normalised: http(s), no trailing slash; null until the officer enters one. */
  serverUrl: string | null;
  token: string | null;
  locale: Locale;
}

const KEYS = ['serverUrl', 'token', 'locale'] as const;

/**
 * The address as every request builds on it (`${serverUrl}/v1/…`): http or https, no trailing
 * slash, no query or fragment. A path is kept, for a server behind a reverse proxy at `/gom`.
 */
export function normalizeServerUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new OfficerError('invalidServerUrl', input.trim() || null);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OfficerError('invalidServerUrl', input.trim());
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get([...KEYS]);
  return {
    serverUrl: typeof stored.serverUrl === 'string' && stored.serverUrl ? stored.serverUrl : null,
    token: typeof stored.token === 'string' && stored.token ? stored.token : null,
    locale: isLocale(stored.locale) ? stored.locale : 'vi',
  };
}

/** Saves what the options form holds; an empty field clears the setting. */
export async function saveSettings(input: { serverUrl: string; token: string; locale: Locale }): Promise<Settings> {
  const serverUrl = input.serverUrl.trim() ? normalizeServerUrl(input.serverUrl) : null;
  const token = input.token.trim() || null;
  await browser.storage.local.set({ serverUrl, token, locale: input.locale });
  return { serverUrl, token, locale: input.locale };
}
