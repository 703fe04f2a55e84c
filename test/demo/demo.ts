import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dayMonthYear } from '@gom/shared';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import {
  askBackground,
  type ExtensionBrowser,
  extensionDir,
  gom,
  launchWithExtension,
  readLocalItems,
  root,
  serveFixtures,
  startGomServer,
  tabIdOf,
} from '../e2e/support';
import { docxToPdf } from '../soffice';
import { type Figure, MONTH, sampleFigures, samplePlans, WRITTEN_ON } from './month';

export interface DemoOptions {
  outDir: string;
  /** Rebuild the extension even when its build is newer than its sources. */
  rebuild?: boolean;
  log?: (line: string) => void;
}

export interface DemoResult {
  docx: string;
  pdf: string;
  png: string;
  pages: number;
  gathered: number;
  figures: number;
  plans: number;
  paragraphs: string[];
}

const LIST_PAGE = 'vnpt-ioffice-danh-sach-van-ban-di.html';
const BLANK_PAGE = 'trang-khong-co-van-ban.html';
const BASENAME = `bao-cao-thang-${MONTH}`;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The end-to-end build of the extension (`GOM_E2E_HOSTS=1`, the one `test/e2e` loads): it may read
 * the loopback fixture pages without the toolbar gesture a headless browser cannot make. Reused
 * when it is newer than the extension's sources.
 */
export function ensureExtensionBuild(rebuild = false): 'built' | 'reused' {
  const manifest = join(extensionDir, 'manifest.json');
  const sources = [join(root, 'extension/src'), join(root, 'shared/src')];
  const fresh =
    existsSync(manifest) && statSync(manifest).mtimeMs >= Math.max(...sources.map((dir) => newestMtime(dir)));
  if (fresh && !rebuild) return 'reused';
  execFileSync('pnpm', ['-s', '--filter', '@gom/extension', 'build'], {
    cwd: root,
    env: { ...process.env, GOM_E2E_HOSTS: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return 'built';
}

/** Polls until `check` answers true, or throws with `what` after `timeout` ms. */
async function until(what: string, check: () => Promise<boolean>, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The officer's settings in the options page: the server's address and her token. */
async function connectExtension(page: Page, serverUrl: string, token: string): Promise<void> {
  await page.fill('input[name="serverUrl"]', serverUrl);
  await page.fill('input[name="token"]', token);
  await page.click('button[data-action="save"]');
  await until(
    'the options page to save',
    async () => (await page.locator('[data-role="save-status"]').textContent()) === 'Đã lưu',
  );
}

/** "Gather the documents listed on this page" on the outgoing list, every proposal kept. */
async function gatherOutgoing(browser: ExtensionBrowser, extensionPage: Page, fixturesUrl: string): Promise<number> {
  const list = await browser.context.newPage();
  await list.goto(`${fixturesUrl}/${LIST_PAGE}`);
  const tabId = await tabIdOf(browser.worker, list.url());
  const opened = browser.context.waitForEvent('page', (p) => p.url().includes('/gather.html'));
  const reply = await askBackground<{ ok: boolean; error?: string }>(extensionPage, { type: 'gather', tabId });
  if (!reply.ok) throw new Error(`gather failed: ${reply.error}`);
  const review = await opened;
  const proposals = review.locator('[data-role="proposal"]');
  await until('the gathered proposals', async () => (await proposals.count()) > 0);
  const count = await proposals.count();
  await review.locator('button[data-action="save"]').click();
  await until('the gathered items to be saved', async () =>
    /^Đã lưu \d+ mục/.test((await review.locator('[data-role="status"]').textContent()) ?? ''),
  );
  await review.close();
  await list.close();
  return count;
}

interface Capture {
  text: string;
  kind: 'stat' | 'plan';
  lead?: string | null;
  figure?: Figure;
}

/**
 * One item typed in the quick-capture form (the toolbar popup, opened as a tab and told which tab
 * it is on): text, kind, metric and value for a figure, and the day it was written down.
 */
async function quickCapture(
  browser: ExtensionBrowser,
  extensionPage: Page,
  tabId: number,
  capture: Capture,
): Promise<void> {
  const before = (await readLocalItems(extensionPage)).items.length;
  const form = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
  await form.locator('form[data-role="quick-capture"]').waitFor();
  await form.locator('textarea[name="text"]').fill(capture.text);
  if (capture.lead) await form.locator('input[name="lead"]').fill(capture.lead);
  await form.locator('select[name="kind"]').selectOption(capture.kind);
  if (capture.figure) {
    await form.locator('select[name="metric"]').selectOption(capture.figure.metric);
    await form.locator('input[name="value"]').fill(String(capture.figure.value));
  }
  await form.locator('input[name="occurredOn"]').fill(dayMonthYear(WRITTEN_ON));
  const closed = form.waitForEvent('close').catch(() => undefined);
  await form.locator('button[data-action="save"]').click();
  await until(`"${capture.text}" to be saved`, async () => {
    if ((await readLocalItems(extensionPage)).items.length > before) return true;
    // Quick capture closes itself once it has saved: a form that went away in between has no error to show.
    const error = await form
      .locator('[data-role="error"]')
      .allTextContents()
      .catch(() => null);
    if (error?.length) throw new Error(`quick capture refused "${capture.text}": ${error.join(' ')}`);
    return false;
  });
  await Promise.race([closed, new Promise((done) => setTimeout(done, 500))]);
  if (!form.isClosed()) await form.close();
}

/** The paragraphs of a .docx's body, each as the text of its runs. */
export function docxParagraphs(docx: Uint8Array): string[] {
  const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => (t[1] ?? '').replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => entities[name]!))
      .join(''),
  );
}

/** What the March 2021 report must hold; each missing piece is named. */
export function reportProblems(paragraphs: string[]): string[] {
  const text = paragraphs.join('\n');
  const expected: [string, RegExp][] = [
    ['the parent agency', /^UBND TỈNH HÀ TĨNH$/m],
    ['the agency', /^SỞ NGOẠI VỤ$/m],
    ['the number line', /^Số:\s*\/BC-SNgV$/m],
    ['the place and the date of issue, the end of the month', /^Hà Tĩnh, ngày 31 tháng 3 năm 2021$/m],
    ['the document type', /^BÁO CÁO$/m],
    ['the summary', /^Hoạt động đối ngoại tháng 3\/2021, kế hoạch tháng 4\/2021$/m],
    ['the addressee', /^Kính gửi:/m],
    ['the results part', /^I\. KẾT QUẢ THỰC HIỆN$/m],
    ['a numbered section', /^1\. \S/m],
    ['the translation section', /^\d\. Công tác dịch thuật/m],
    ['the summed translation figures', /Thực hiện 256 trang biên dịch các loại/],
    ['the plans part for April 2021', /^II\. .*THÁNG 4\/2021$/m],
    ['a gathered document', /Kế hoạch đón Đoàn công tác Đại sứ quán Lào/],
    ['a plan', /Tết cổ truyền dân tộc Lào/],
    ['the closing "./."', /\.\/\.$/m],
    ['Nơi nhận', /^Nơi nhận:$/m],
    ['the signer', /^Ngô Thị Hoài Nam$/m],
  ];
  return expected.filter(([, pattern]) => !pattern.test(text)).map(([what]) => what);
}

function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** The .docx to PDF with LibreOffice, then page 1 to PNG at 100 dpi. */
function render(docx: string, outDir: string): { pdf: string; png: string } {
  const pdf = docxToPdf(docx, outDir);
  const png = join(outDir, `${BASENAME}.png`);
  execFileSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(outDir, BASENAME)]);
  return { pdf, png };
}

/** The report settings the chief of office gives the month's report once (header, recipients, signer). */
const MONTH_SETTINGS = {
  abbreviation: 'SNgV',
  place: 'Hà Tĩnh',
  addressees: ['Văn phòng Ủy ban nhân dân tỉnh.'],
  recipients: ['Như trên;', 'Sở Kế hoạch và Đầu tư (b/c);', 'Ban Giám đốc Sở;', 'Lưu: VT, VPTTr.'],
  signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Ngô Thị Hoài Nam' },
};

async function fetchOk(url: string, init: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return res;
}

/** The whole product, headless: server, extension, clipping, sync, the report and its rendering. */
export async function runDemo({ outDir, rebuild = false, log = () => {} }: DemoOptions): Promise<DemoResult> {
  const figures = sampleFigures();
  const plans = samplePlans();
  const build = ensureExtensionBuild(rebuild);
  log(`extension: ${build} (${extensionDir})`);

  const [server, fixtures, browser] = await Promise.all([startGomServer(), serveFixtures(), launchWithExtension()]);
  try {
    // The chief of office: an editor of the unit, who may export the team report.
    const { token } = JSON.parse(
      gom(
        'user',
        'add',
        '--unit',
        'SNgV',
        '--name',
        'Chánh Văn phòng',
        '--role',
        'editor',
        '--json',
        '--db',
        server.dbPath,
      ),
    ) as { token: string };
    log(`server: ${server.url} (unit SNgV "Sở Ngoại vụ", UBND TỈNH HÀ TĨNH, Hà Tĩnh; database ${server.dbPath})`);
    log(`document system: ${fixtures.url}/${LIST_PAGE}`);
    const auth = { Authorization: `Bearer ${token}` };
    await fetchOk(`${server.url}/v1/report-settings/month`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(MONTH_SETTINGS),
    });

    const options = await browser.openExtensionPage('options.html');
    await connectExtension(options, server.url, token);
    log('extension: connected to the server (options page)');

    const gathered = await gatherOutgoing(browser, options, fixtures.url);
    log(`gathered: ${gathered} outgoing documents of March 2021 from the list page, all kept`);

    const blank = await browser.context.newPage();
    await blank.goto(`${fixtures.url}/${BLANK_PAGE}`);
    const tabId = await tabIdOf(browser.worker, blank.url());
    for (const figure of figures)
      await quickCapture(browser, options, tabId, { text: figure.text, kind: 'stat', figure });
    log(`quick capture: ${figures.length} figures, dated ${WRITTEN_ON}`);
    for (const plan of plans) await quickCapture(browser, options, tabId, { ...plan, kind: 'plan' });
    log(`quick capture: ${plans.length} plans for April 2021, dated ${WRITTEN_ON}`);

    const local = await readLocalItems(options);
    const outside = local.items.filter((item) => !String(item.fields.occurredOn).startsWith(MONTH));
    if (outside.length > 0) {
      throw new Error(`${outside.length} items are dated outside ${MONTH}: ${outside.map((i) => i.fields.occurredOn)}`);
    }
    await askBackground(options, { type: 'sync', immediate: true });
    await until('the outbox to empty', async () => (await readLocalItems(options)).outbox === 0, 30_000);
    log(`synced: ${local.items.length} items, outbox empty`);

    // Issued at the end of the demo month, so that the report reads the same whichever day it runs.
    const path = `/v1/reports/month/${MONTH}.docx?issued=${WRITTEN_ON}`;
    const res = await fetchOk(`${server.url}${path}`, { headers: auth });
    const docxBytes = new Uint8Array(await res.arrayBuffer());
    mkdirSync(outDir, { recursive: true });
    const docx = join(outDir, `${BASENAME}.docx`);
    writeFileSync(docx, docxBytes);
    log(`report: GET ${path} → ${docxBytes.length} bytes`);

    const paragraphs = docxParagraphs(docxBytes);
    const problems = reportProblems(paragraphs);
    if (problems.length > 0) throw new Error(`The report lacks: ${problems.join('; ')}`);

    const { pdf, png } = render(docx, outDir);
    const pages = pdfPages(pdf);
    for (const file of [docx, pdf, png]) {
      if (!existsSync(file) || statSync(file).size === 0) throw new Error(`${file} is missing or empty`);
    }
    if (pages < 1) throw new Error(`${pdf} has no pages`);
    return { docx, pdf, png, pages, gathered, figures: figures.length, plans: plans.length, paragraphs };
  } finally {
    await browser.close();
    await fixtures.close();
    await server.stop();
    rmSync(dirname(server.dbPath), { recursive: true, force: true });
  }
}
