import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanText } from '@gom/shared';
import { strToU8, zipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import realLines from '../../shared/src/repair/real-lines.json';
import { docxToPdf } from '../soffice';
import { setUpE2e } from './harness';
import { askBackground, readLocalItems } from './support';

const e2e = setUpE2e({ page: 'options.html' });

// A heading in bold over body lines of the real report, as an officer's .docx has them.
const HEADING = realLines.intact[1]!;
const BODY = realLines.lines.map((l) => l.typed);

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
// Liberation Serif 2 has the Vietnamese letters (`.ci/setup` installs it).
const paragraph = (text: string, bold: boolean) =>
  `<w:p><w:r><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif"/>${bold ? '<w:b/>' : ''}` +
  `</w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;

/** The smallest .docx Word and LibreOffice open: the heading, then a paragraph a body line. */
function docx(): Uint8Array {
  const body = [paragraph(HEADING, true), ...BODY.map((line) => paragraph(line, false))].join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
        'Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    ),
  });
}

/** The .docx made a PDF by LibreOffice, on a profile of its own. */
function pdfOf(dir: string): Uint8Array {
  const input = join(dir, 'bao-cao.docx');
  writeFileSync(input, docx());
  return readFileSync(docxToPdf(input, dir));
}

/**
 * What the viewer hands over for a selection of the whole document: its own plugin controller
 * selects all and reads the selection back — the text PDFium gives the context menu's
 * `selectionText`, since Playwright cannot open the browser's own context menu.
 */
async function viewerSelection(page: Page): Promise<string> {
  let viewer: Frame | undefined;
  await expect
    .poll(() => {
      viewer = page.frames().find((f) => f.url().startsWith('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/'));
      return viewer?.evaluate(() => document.querySelector('pdf-viewer') !== null) ?? false;
    })
    .toBe(true);
  const selection = async () =>
    viewer!.evaluate(async () => {
      interface Controller {
        selectAll(): void;
        getSelectedText(): Promise<{ selectedText: string }>;
      }
      const controller = (document.querySelector('pdf-viewer') as unknown as { currentController?: Controller })
        .currentController;
      if (!controller) return '';
      controller.selectAll();
      return (await controller.getSelectedText()).selectedText;
    });
  // The document loads after the viewer does: poll until its text is there.
  let text = '';
  await expect
    .poll(async () => {
      text = await selection();
      return text.length > 0;
    })
    .toBe(true);
  return text;
}

describe("the browser's PDF viewer", () => {
  let dir = '';
  let server: Server | undefined;
  let url = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gom-pdf-'));
    const pdf = pdfOf(dir);
    server = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.end(pdf);
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bao-cao.pdf`;
  }, 240_000);
  afterAll(async () => {
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('clips a selection of a LibreOffice PDF through the context-menu path and saves its Vietnamese whole', async () => {
    const tab = await e2e.browser.context.newPage();
    await tab.goto(url);
    const selected = await viewerSelection(tab);
    // The viewer hands over the page's lines, each letter precomposed or not, with its line breaks.
    expect(selected.normalize('NFC').split('\n')).toEqual([HEADING, ...BODY].map((l) => l.normalize('NFC')));
    expect(selected.normalize('NFC')).toBe(
      execFileSync('pdftotext', [join(dir, 'bao-cao.pdf'), '-'], { encoding: 'utf8' })
        .trim()
        .normalize('NFC'),
    );

    // The context menu's entry calls the same capture as this message, with `selectionText` and the tab's URL.
    const clipped = await askBackground(e2e.page, { type: 'clip', text: selected, url, title: 'bao-cao.pdf' });
    expect(clipped).toEqual({ ok: true, itemId: expect.any(String), duplicateOf: null });
    const saved = (await readLocalItems(e2e.page)).items.find(
      (item) => item.id === (clipped as { itemId: string }).itemId,
    );
    expect(saved?.fields).toMatchObject({ text: cleanText(selected.normalize('NFC')), source: { url } });
    const text = saved?.fields.text ?? '';
    expect(text).toBe(text.normalize('NFC'));
    for (const line of BODY) expect(text).toContain(cleanText(line));
    await tab.close();
  });
});
