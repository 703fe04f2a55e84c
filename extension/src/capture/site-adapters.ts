import { type AdaptersParse, builtInAdapters, parseSiteAdapters, type SiteAdapter } from '@gom/shared';
import { browser } from 'wxt/browser';

/** The unit's adapters as the administrator wrote them (JSON text), kept verbatim for the options page. */
const KEY = 'siteAdaptersJson';

export async function loadSiteAdaptersJson(): Promise<string> {
  const stored = await browser.storage.local.get(KEY);
  return typeof stored[KEY] === 'string' ? stored[KEY] : '';
}

/** Saves the JSON only when every adapter in it is valid; an empty text removes the unit's adapters. */
export async function saveSiteAdaptersJson(json: string): Promise<AdaptersParse> {
  if (!json.trim()) {
    await browser.storage.local.remove(KEY);
    return { ok: true, adapters: [] };
  }
  const parsed = parseSiteAdapters(json);
  if (parsed.ok) await browser.storage.local.set({ [KEY]: json });
  return parsed;
}

/**
 * The adapters to read a page with: the unit's own first (a tenant's page may look like the
 * shipped one but differ), then the shipped ones. A stored text that no longer parses — written
 * by an older version — is skipped rather than blocking every clip.
 */
export async function loadSiteAdapters(): Promise<SiteAdapter[]> {
  const json = await loadSiteAdaptersJson();
  const parsed = json ? parseSiteAdapters(json) : null;
  return [...(parsed?.ok ? parsed.adapters : []), ...builtInAdapters];
}
