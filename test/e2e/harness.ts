/**
 * What e2e test files share that needs vitest: the start and stop around a file's tests, and steps
 * that assert as they go. Kept apart from support.ts, which the demo and the benchmarks import
 * outside vitest (importing vitest there adds about two seconds to their start).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  askBackground,
  type ExtensionBrowser,
  type FixtureServer,
  type GomServer,
  launchWithExtension,
  type Role,
  serveFixtures,
  startGomServer,
  tabIdOf,
} from './support';

export interface E2eNeeds {
  /** The fixture document system (`serveFixtures`). */
  fixtures?: boolean;
  /** A Gom server whose user has this role (`startGomServer`). */
  server?: { role: Role };
  /** An extension page to open once the browser is up (`options.html`, `sidepanel.html`), as `page`. */
  page?: string;
}

/** What a test file's tests share, started before the first and stopped after the last. */
export interface E2e {
  readonly browser: ExtensionBrowser;
  readonly fixtures: FixtureServer;
  readonly server: GomServer;
  readonly page: Page;
  /** Opens the fixture page `name` in a new tab; the tab id is what the context-menu handlers take. */
  openFixture(name: string): Promise<{ page: Page; tabId: number }>;
}

/**
 * Registers the file's `beforeAll` and `afterAll`: Chromium with the built extension, and what `needs`
 * asks for besides. Read the parts inside tests or later hooks: they exist only once `beforeAll` ran.
 */
export function setUpE2e(needs: E2eNeeds = {}): E2e {
  let browser: ExtensionBrowser | undefined;
  let fixtures: FixtureServer | undefined;
  let server: GomServer | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    // Each part is kept as soon as it is up, so that afterAll stops it even when another failed to start.
    await Promise.all([
      launchWithExtension().then(async (started) => {
        browser = started;
        if (needs.page) page = await started.openExtensionPage(needs.page);
      }),
      needs.fixtures &&
        serveFixtures().then((started) => {
          fixtures = started;
        }),
      needs.server &&
        startGomServer(needs.server).then((started) => {
          server = started;
        }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await server?.stop();
  });
  const ready = <T>(part: T | undefined, name: keyof E2eNeeds | 'browser'): T => {
    if (part === undefined) throw new Error(`no ${name}: ask setUpE2e for it, and use it inside a test`);
    return part;
  };
  const e2e: E2e = {
    get browser() {
      return ready(browser, 'browser');
    },
    get fixtures() {
      return ready(fixtures, 'fixtures');
    },
    get server() {
      return ready(server, 'server');
    },
    get page() {
      return ready(page, 'page');
    },
    openFixture: async (name) => {
      const tab = await e2e.browser.context.newPage();
      await tab.goto(`${e2e.fixtures.url}/${name}`);
      return { page: tab, tabId: await tabIdOf(e2e.browser.worker, tab.url()) };
    },
  };
  return e2e;
}

/** Points the extension at `server` from its options page, signed in with `token`, as an officer does. */
export async function connectToServer(options: Page, server: GomServer, token = server.token): Promise<void> {
  await options.fill('input[name="serverUrl"]', server.url);
  await options.fill('input[name="token"]', token);
  await options.click('button[data-action="save"]');
  await expect.poll(() => options.locator('[data-role="save-status"]').textContent()).toBe('Đã lưu');
}

/** Sends `message` from the file's extension page and returns the quick-capture window it opens, once its form shows. */
export async function quickCaptureFrom(e2e: E2e, message: object): Promise<Page> {
  const opened = e2e.browser.waitForExtensionPage('popup.html');
  expect(await askBackground(e2e.page, message)).toEqual({ ok: true, draftId: expect.any(String) });
  const form = await opened;
  await form.waitForSelector('form[data-role="quick-capture"]');
  return form;
}
