import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods/period';
import { defaultTaxonomy } from '../taxonomy';
import { buildReport } from './build';
import { renderDocx } from './render-docx';
import { defaultMonthTemplate, findTemplate } from './template';
import { itemsOn } from './test-items';

/**
 * The .docx as a reader sees it: converted to PDF by LibreOffice (installed by `.ci/setup`, with
 * Liberation fonts 2, metric-compatible with Times New Roman) and measured with
 * `pdftotext -bbox-layout`. The XML tests say what the file asks for; this says what a page shows.
 */
const run = promisify(execFile);
const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
// Half a millimetre: a justified line ends a hair short of the margin, the first glyph starts on it.
const TOLERANCE = 0.5 * MM;

interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

function pages(bboxHtml: string): Word[][] {
  return bboxHtml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        ([, xMin, yMin, xMax, yMax, text]) => ({
          xMin: Number(xMin),
          yMin: Number(yMin),
          xMax: Number(xMax),
          yMax: Number(yMax),
          text: text ?? '',
        }),
      ),
    );
}

/** The lines of page 1 as pdftotext groups them: their text and their horizontal extent. */
function firstPageLines(bboxHtml: string): Array<{ text: string; xMin: number; xMax: number }> {
  const page = bboxHtml.split('<page ')[1] ?? '';
  return [...page.matchAll(/<line xMin="([\d.]+)" [^>]*xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map(
    ([, xMin, xMax, words]) => ({
      xMin: Number(xMin),
      xMax: Number(xMax),
      text: [...(words ?? '').matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
    }),
  );
}

/** The rule the .docx draws under a line of text: its length in points, from the paragraph's indents. */
function ruleUnder(documentXml: string, text: string, available: number): number {
  const paragraphs = [...documentXml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g)].map(([p]) => p);
  const at = paragraphs.findIndex(
    (p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') === text,
  );
  const rule = paragraphs[at + 1] ?? '';
  expect(rule).toMatch(/<w:pBdr><w:top w:val="single"/);
  const indent = (side: string) => Number(new RegExp(`<w:ind [^>]*w:${side}="(\\d+)"`).exec(rule)?.[1] ?? 0);
  return (available - indent('left') - indent('right')) / 20;
}

const item = (text: string, rank: number) => itemsOn('2021-03-10')(text, { category: 'intl_cooperation', rank });

// Forty bullets of two lines each fill three pages: page 1 and the pages after it can be compared.
const model = buildReport({
  period: parsePeriod('2021-03'),
  template: defaultMonthTemplate,
  unit: defaultTaxonomy.unit,
  issuedOn: '2021-03-05',
  items: Array.from({ length: 40 }, (_, i) =>
    item(
      `Việc thứ ${i + 1}: phối hợp với các Sở, ban, ngành liên quan tổ chức đón tiếp và làm việc với đoàn công tác của tỉnh bạn về hợp tác đầu tư.`,
      i,
    ),
  ),
});

// An annual report with one enumeration long enough for a footnote.
const annual = buildReport({
  period: parsePeriod('2023'),
  template: findTemplate('so-ngoai-vu-year')!,
  unit: defaultTaxonomy.unit,
  issuedOn: '2023-12-15',
  items: Array.from({ length: 9 }, (_, i) => ({
    ...item(`Tham mưu UBND tỉnh Kế hoạch hợp tác số ${i + 1} với tỉnh bạn.`, i),
    occurredOn: '2023-05-10',
  })),
});

let dir: string;
let rendered: Word[][];
let annualPages: Word[][];
let monthDocx: Uint8Array;
let monthBbox: string;

/** A report as LibreOffice lays it out: `pdftotext -bbox-layout` of its PDF, every word in its box. */
async function layOut(name: string, bytes: Uint8Array): Promise<string> {
  const docx = join(dir, `${name}.docx`);
  writeFileSync(docx, bytes);
  // A profile of its own: two soffice processes sharing one profile lock each other out.
  await run(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docx,
    ],
    { timeout: 90_000 },
  );
  await run('pdftotext', ['-bbox-layout', join(dir, `${name}.pdf`), join(dir, `${name}.html`)]);
  return readFileSync(join(dir, `${name}.html`), 'utf8');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gom-render-'));
  monthDocx = await renderDocx(model);
  monthBbox = await layOut('bao-cao-thang', monthDocx);
  rendered = pages(monthBbox);
  annualPages = pages(await layOut('bao-cao-nam', await renderDocx(annual)));
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the .docx rendered by LibreOffice', () => {
  it('runs over more than one page', () => {
    expect(rendered.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the text between a 30 mm left margin and a 15 mm right margin on every page', () => {
    for (const words of rendered) {
      const left = Math.min(...words.map((w) => w.xMin));
      const right = Math.max(...words.map((w) => w.xMax));
      expect(Math.abs(left - 30 * MM)).toBeLessThan(TOLERANCE);
      expect(Math.abs(A4.width - 15 * MM - right)).toBeLessThan(TOLERANCE);
    }
  });

  it('starts the body 20 mm from the top of the page', () => {
    for (const words of rendered) {
      const body = words.filter((w) => !/^\d+$/.test(w.text));
      expect(Math.abs(Math.min(...body.map((w) => w.yMin)) - 20 * MM)).toBeLessThan(TOLERANCE);
    }
  });

  it('prints no number on page 1, and the number centred in the top margin from page 2 on', () => {
    const inTopMargin = (words: Word[]) => words.filter((w) => w.yMax <= 20 * MM);
    expect(inTopMargin(rendered[0] ?? [])).toEqual([]);
    const textCentre = (30 * MM + A4.width - 15 * MM) / 2;
    rendered.slice(1).forEach((words, i) => {
      const numbers = inTopMargin(words);
      expect(numbers.map((w) => w.text)).toEqual([String(i + 2)]);
      const [number] = numbers;
      expect(Math.abs((number!.xMin + number!.xMax) / 2 - textCentre)).toBeLessThan(TOLERANCE);
    });
  });
});

describe('the header rules, measured against the rendered text', () => {
  // Inner widths of the header's columns (62 and 103 mm less Word's 108-twip cell margins) and of the page's text.
  const available = { agency: 3515 - 216, motto: 5840 - 216, summary: 11906 - 1701 - 850 };
  const width = (text: string): number => {
    const line = firstPageLines(monthBbox).find((l) => l.text === text);
    expect(line, text).toBeDefined();
    return line!.xMax - line!.xMin;
  };
  const documentXml = () => strFromU8(unzipSync(monthDocx)['word/document.xml']!);

  it('underlines the agency and the summary with a rule of 1/3 to 1/2 of their width (Nghị định 30)', () => {
    for (const [text, room] of [
      ['SỞ NGOẠI VỤ', available.agency],
      [model.summary, available.summary],
    ] as const) {
      const ratio = ruleUnder(documentXml(), text, room) / width(text);
      expect(ratio, text).toBeGreaterThanOrEqual(1 / 3);
      expect(ratio, text).toBeLessThanOrEqual(1 / 2);
    }
  });

  it('underlines the motto with a rule as long as the text', () => {
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    expect(Math.abs(ruleUnder(documentXml(), motto, available.motto) / width(motto) - 1)).toBeLessThan(0.05);
  });
});

describe('the annual report’s footnote, rendered by LibreOffice', () => {
  it('sets the note at the foot of the page, in smaller type than the body, inside the bottom margin', () => {
    expect(annual.footnotes).toHaveLength(1);
    const words = annualPages.flat();
    const mark = words.find((w) => w.text.startsWith('khác'));
    // The note's last words: "… số 9 với tỉnh bạn."
    const noteWords = words.filter((w) => w.text === 'bạn.');
    const note = noteWords.at(-1);
    expect(mark && note).toBeTruthy();
    const closing = words.find((w) => w.text === 'Trên');
    expect(note!.yMin).toBeGreaterThan(closing!.yMax);
    // A word's box runs to the font's full descent, a little below the line the margin bounds.
    expect(note!.yMax).toBeLessThanOrEqual(A4.height - 20 * MM + 1 * MM);
    expect(note!.yMax).toBeGreaterThan(A4.height - 40 * MM);
    expect(note!.yMax - note!.yMin).toBeLessThan(mark!.yMax - mark!.yMin);
  });
});
