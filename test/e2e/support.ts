import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { listingChunksOf } from '@gom/extension/store/listing';
import type { ItemRecord } from '@gom/shared';
import { strFromU8, unzipSync } from 'fflate';
import { type BrowserContext, chromium, type Download, type Page, type Worker } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');
// The test build, with host access to the loopback fixture server (test/global-setup.ts).
export const extensionDir = join(root, 'extension/.output/e2e/chrome-mv3');
const tsx = join(root, 'node_modules/.bin/tsx');
const gomMain = join(root, 'server/src/cli/main.ts');

export function gom(...args: string[]): string {
  return execFileSync(tsx, [gomMain, ...args], { cwd: root, encoding: 'utf8' });
}

export type Role = 'member' | 'editor' | 'admin';

/** Adds an officer with `role` to the unit SNgV in the database `dbPath`; returns her API token. */
export function addUser(dbPath: string, name: string, role: Role): string {
  const { token } = JSON.parse(
    gom('user', 'add', '--unit', 'SNgV', '--name', name, '--role', role, '--json', '--db', dbPath),
  );
  return token;
}

export interface GomServer {
  url: string;
  dbPath: string;
  token: string;
  /** Stops the server; once stopped, a further call does nothing (a test may stop it before the file ends). */
  stop(): Promise<void>;
}

/** The real `gom serve` as a child process, on a free port and a fresh SQLite file, with a unit and a user. */
export async function startGomServer({ role = 'member' }: { role?: Role } = {}): Promise<GomServer> {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'gom-e2e-')), 'gom.db');
  gom(
    'unit',
    'add',
    '--id',
    'SNgV',
    '--name',
    'Sở Ngoại vụ',
    '--parent-agency',
    'UBND TỈNH HÀ TĨNH',
    '--place',
    'Hà Tĩnh',
    '--db',
    dbPath,
  );
  const token = addUser(dbPath, 'Chuyên viên', role);
  const child: ChildProcess = spawn(tsx, [gomMain, 'serve', '--port', '0', '--db', dbPath], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"url":"([^"]+)"/.exec(out);
      if (match?.[1]) done(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`gom serve exited with ${code}: ${out}`)));
  });
  let stopped: Promise<void> | undefined;
  return {
    url,
    dbPath,
    token,
    stop: () => {
      stopped ??= new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
      return stopped;
    },
  };
}

/** A request to the Gom server's API as `server`'s own user. */
export function callServer(
  server: GomServer,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${server.token}`, ...init.headers },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

export interface FixtureServer {
  url: string;
  close(): Promise<void>;
}

/** The fixture document system: `test/fixtures` served over HTTP on a free loopback port. */
export async function serveFixtures(): Promise<FixtureServer> {
  const dir = join(root, 'test/fixtures');
  const server: Server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(path);
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  openExtensionPage(path: string): Promise<Page>;
  /** The next page the extension opens on `path` (`popup.html`, `gather.html`); call it before what opens it. */
  waitForExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium's flags for a headless run with the extension built in `dir` loaded, and nothing reaching beyond loopback. */
export function chromiumArgs(dir: string): string[] {
  return [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
    // The machine has no network beyond loopback: keep Chromium from looking up Google's hosts.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  ];
}

/** Debian's Chromium, headless, on the profile directory `profile`, with the extension built in `dir` loaded. */
export function launchChromiumWith(
  dir: string,
  profile: string,
  options: { acceptDownloads?: boolean } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ...options,
    args: chromiumArgs(dir),
  });
}

/** Debian's Chromium, headless, with the built extension loaded in `profile` (by default a throwaway one). */
export async function launchWithExtension(
  profile = mkdtempSync(join(tmpdir(), 'gom-chromium-')),
): Promise<ExtensionBrowser> {
  const context = await launchChromiumWith(extensionDir, profile, { acceptDownloads: true });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    openExtensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    waitForExtensionPage: (path) => context.waitForEvent('page', (page) => page.url().includes(`/${path}`)),
    close: () => context.close(),
  };
}

/** The id of the tab showing `url`, as the background sees it (the context-menu handlers take tab ids). */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (address) => {
    const chromeApi = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } })
      .chrome;
    const [tab] = await chromeApi.tabs.query({ url: address });
    return tab?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Sends a message to the background from an extension page, as Gom's own pages do. */
export function askBackground<T = unknown>(page: Page, message: object): Promise<T> {
  return page.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

/** Presses a key that closes the page: the press may not see its own end, the close event does. */
export async function pressToClose(page: Page, key: string): Promise<void> {
  const closed = page.waitForEvent('close');
  await page.keyboard.press(key).catch((error: Error) => {
    if (!/closed/.test(error.message)) throw error;
  });
  await closed;
}

/** Clicks `selector` on `page` and returns the download it starts. */
export async function downloadBy(page: Page, selector: string): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await page.click(selector);
  return downloading;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The paragraphs of a .docx's body, each as the text of its runs (XML entities read back). */
export function docxParagraphs(docx: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => (t[1] ?? '').replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]!))
      .join(''),
  );
}

/** The paragraphs of a downloaded .docx (`docxParagraphs`). */
export async function downloadedParagraphs(download: Download): Promise<string[]> {
  return docxParagraphs(new Uint8Array(readFileSync((await download.path())!)));
}

export interface StoredItem {
  id: string;
  fields: Record<string, unknown> & { text?: string; source?: Record<string, unknown> | null };
}

/** Every item in the extension's IndexedDB and the outbox's length, read from an extension page. */
export function readLocalItems(page: Page): Promise<{ items: StoredItem[]; outbox: number }> {
  return page.evaluate(
    () =>
      new Promise<{ items: StoredItem[]; outbox: number }>((resolve, reject) => {
        const open = indexedDB.open('gom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['items', 'outbox'], 'readonly');
          const items = tx.objectStore('items').getAll();
          const outbox = tx.objectStore('outbox').count();
          tx.oncomplete = () => {
            open.result.close();
            resolve({ items: items.result, outbox: outbox.result });
          };
        };
      }),
  );
}

/**
 * Writes records into the extension's IndexedDB from an extension page, each with its listing
 * chunk as the extension's own writes leave them, in one transaction: a store seeded without
 * clipping each item.
 */
export function writeLocalRecords(page: Page, records: ItemRecord[]): Promise<void> {
  return page.evaluate(
    ({ items, chunks }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['items', 'listingChunks'], 'readwrite');
          for (const item of items) tx.objectStore('items').put(item);
          for (const chunk of chunks) tx.objectStore('listingChunks').put(chunk);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { items: records, chunks: listingChunksOf(records) },
  );
}

/** One item of the extension's IndexedDB by id, read from an extension page. */
export async function readLocalItem(page: Page, id: string): Promise<StoredItem | undefined> {
  return (await readLocalItems(page)).items.find((item) => item.id === id);
}

/** Selects an element's text the way a mouse drag would; returns what the browser reports as selected. */
export function selectText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(sel)!);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, selector);
}
