import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods/period';
import { defaultTaxonomy } from '../taxonomy';
import { hostileText, isXmlChar, unwritableChars } from '../test-hostile-text';
import { buildReport } from './build';
import type { ReportModel } from './model';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';
import { defaultMonthTemplate } from './template';
import { itemsOn } from './test-items';
import { writableModel } from './writable-model';

const item = itemsOn('2021-03-10');

const base = buildReport({
  period: parsePeriod('2021-03'),
  template: defaultMonthTemplate,
  unit: defaultTaxonomy.unit,
  issuedOn: '2021-03-05',
  items: [
    item('Tiếp đoàn công tác của tỉnh Xiêng Khoảng.', { category: 'intl_cooperation' }),
    item('Ban hành Kế hoạch thi đua.', { category: 'office_admin' }),
  ],
});

/**
 * The report with `text` in every kind of place a renderer writes, each into its own part of the
 * .docx: the first bullet (document.xml) and a footnote on it (footnotes.xml), a heading, the
 * summary (also the package's title, docProps/core.xml), the agency (its creator), an addressee,
 * a recipient and the signer.
 */
function holding(text: string): ReportModel {
  const [first, ...parts] = base.parts;
  const [section, ...sections] = first!.sections;
  return {
    ...base,
    header: { ...base.header, agency: text },
    summary: text,
    addressees: [text, 'Bộ Ngoại giao.'],
    parts: [{ ...first!, sections: [{ ...section!, heading: text, bullets: [text] }, ...sections] }, ...parts],
    footnotes: [{ part: 0, section: 0, bullet: 0, text }],
    recipients: [text, 'Lưu: VT.'],
    signer: { ...base.signer, name: text },
  };
}

interface XmlPart {
  name: string;
  /** The first error of a strict XML 1.0 parser, null for a well-formed part. */
  error: string | null;
  /** The text of every `w:t`, in order. */
  runs: string[];
}

// The parts the model's strings go into: the body, the footnotes, the title and creator.
const TEXT_PARTS = ['word/document.xml', 'word/footnotes.xml', 'docProps/core.xml'];

/**
 * The XML parts of the package (all, or those named) through saxes, which checks XML 1.0's
 * characters too, their bytes decoded as strict UTF-8.
 */
function xmlParts(docx: Uint8Array, names?: string[]): XmlPart[] {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const files = unzipSync(docx, { filter: (file) => names?.includes(file.name) ?? /\.(xml|rels)$/.test(file.name) });
  expect(Object.keys(files).length).toBeGreaterThanOrEqual(names?.length ?? 20);
  return Object.entries(files).map(([name, bytes]) => {
    const part: XmlPart = { name, error: null, runs: [] };
    const parser = new SaxesParser();
    let inRun = false;
    parser.on('error', (error) => {
      part.error ??= error.message;
    });
    parser.on('opentag', (tag) => {
      inRun = tag.name === 'w:t';
      if (inRun) part.runs.push('');
    });
    parser.on('closetag', () => {
      inRun = false;
    });
    parser.on('text', (text) => {
      if (inRun) part.runs[part.runs.length - 1] += text;
    });
    parser.write(utf8.decode(bytes)).close();
    return part;
  });
}

const brokenParts = (parts: XmlPart[]) => parts.filter((p) => p.error !== null).map((p) => `${p.name}: ${p.error}`);

describe('text that XML cannot hold, in a report', () => {
  it.each(unwritableChars.map((ch) => [JSON.stringify(ch), ch]))(
    'a clip holding %s still makes a .docx whose every part is XML',
    async (_, ch) => {
      const parts = xmlParts(await renderDocx(holding(`Tiếp đoàn${ch} Lào`)));
      expect(brokenParts(parts)).toEqual([]);
      const document = parts.find((p) => p.name === 'word/document.xml')!;
      expect(document.runs).toContain('- Tiếp đoàn Lào');
    },
  );

  it('makes a well-formed .docx whatever a clip holds (property)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const parts = xmlParts(await renderDocx(holding(text)), TEXT_PARTS);
        expect(brokenParts(parts)).toEqual([]);
        // The clip arrives, less only what could not be written.
        const bullet = writableModel(holding(text)).parts[0]!.sections[0]!.bullets[0]!;
        const written = parts.find((p) => p.name === 'word/document.xml')!.runs.join('');
        expect(written).toContain(`- ${bullet}`);
      }),
      { numRuns: 200 },
    );
    // 200 renderings and their parsing: more than the default timeout allows on a slow core.
  }, 30_000);

  it('writes none of those characters in HTML, text or Markdown (property)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const model = holding(text);
        const renderings = [
          renderHtml(model),
          renderHtml(model, { editable: true }),
          renderText(model),
          renderMarkdown(model),
        ];
        for (const rendered of renderings) {
          expect([...rendered].filter((ch) => !isXmlChar(ch.codePointAt(0)!) || ch === '\u007f')).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
