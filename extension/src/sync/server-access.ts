import { browser } from 'wxt/browser';
import { normalizeServerUrl } from '../settings';

/**
 * Asks the browser for access to the Gom server's origin, at run time rather than in the
 * manifest: an agency's server can be anywhere. Browsers accept the request only during the
 * officer's gesture, so it is made before anything is awaited. Resolves to whether access is
 * granted; the server also answers the extension ids its deployment names through CORS
 * (`GOM_EXTENSION_IDS`, docs/deploy.md), so for those a refusal does not stop sync.
 */
export function requestServerAccess(serverUrl: string): Promise<boolean> {
  let origin: string;
  try {
    origin = new URL(normalizeServerUrl(serverUrl)).origin;
  } catch {
    // The form reports an invalid address itself.
    return Promise.resolve(false);
  }
  return browser.permissions.request({ origins: [`${origin}/*`] }).catch((error: unknown) => {
    console.warn('Gom: host access to the server was not requested', error);
    return false;
  });
}
