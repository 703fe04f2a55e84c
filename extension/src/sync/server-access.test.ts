import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestServerAccess } from './server-access';

afterEach(() => vi.restoreAllMocks());

describe('requestServerAccess', () => {
  it("asks for the server's origin only, whatever path the address has", async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(await requestServerAccess(' https://gom.songoaivu.gov.vn/gom/ ')).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['https://gom.songoaivu.gov.vn/*'] });
  });

  it('asks nothing for an invalid address, and takes a refusal or an error as no access', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(new Error('not in the manifest'));
    expect(await requestServerAccess('ftp://x')).toBe(false);
    expect(request).not.toHaveBeenCalled();
    expect(await requestServerAccess('http://127.0.0.1:8080')).toBe(false);
  });
});
