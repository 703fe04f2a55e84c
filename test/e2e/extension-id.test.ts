import { describe, expect, it } from 'vitest';
import { setUpE2e } from './harness';
import { startGomServer } from './support';

// The id Chromium derives from the manifest's `key`, and the one `gom serve` admits by default.
const GOM_ID = 'ccjbpeiejpoifgaabplpnfafapmdhcjd';

const e2e = setUpE2e({ page: 'options.html' });

/** The server's health, fetched from the extension's options page as its server check does. */
function healthFromPage(url: string): Promise<string> {
  // `localhost`, not the server's 127.0.0.1: the test build has host access to the latter, which
  // would spare the request its CORS check.
  const address = url.replace('127.0.0.1', 'localhost');
  return e2e.page.evaluate(
    (health) =>
      fetch(health).then(
        async (res) => `${res.status} ${await res.text()}`,
        (error: Error) => `refused: ${error.name}`,
      ),
    `${address}/v1/health`,
  );
}

describe("the extension's id", () => {
  it('is the one its key gives, wherever the folder it was loaded from lies', () => {
    expect(e2e.browser.extensionId).toBe(GOM_ID);
  });

  it("is admitted by a server's CORS by default, and refused by one that names other builds", async () => {
    const byDefault = await startGomServer();
    const ownBuilds = process.env.GOM_EXTENSION_IDS;
    process.env.GOM_EXTENSION_IDS = 'abcdefghijklmnopabcdefghijklmnop';
    const otherBuilds = await startGomServer().finally(() => {
      if (ownBuilds === undefined) delete process.env.GOM_EXTENSION_IDS;
      else process.env.GOM_EXTENSION_IDS = ownBuilds;
    });
    try {
      expect(await healthFromPage(byDefault.url)).toBe('200 {"status":"ok"}');
      expect(await healthFromPage(otherBuilds.url)).toBe('refused: TypeError');
    } finally {
      await Promise.all([byDefault.stop(), otherBuilds.stop()]);
    }
  });
});
