import { strFromU8, unzipSync } from 'fflate';
import { repairText } from '../repair';
import { normalizeText } from '../text';

/**
 * A past report's file as paragraphs, one a line, for `readPastReport`: a .docx as Word saves it
 * (its paragraphs, with the numbers Word's numbering draws put back in front of the headings), a
 * Markdown file as it is, and a PDF's text layer (.txt) with its lost glyphs put back and the lines
 * it broke joined.
 */
export type PastReportFormat = 'docx' | 'md' | 'txt';

export class PastReportFormatError extends Error {
  constructor(readonly file: string) {
    super(`${file}: không đọc được báo cáo (.docx, .md hoặc .txt) / not a report Gom can read (.docx, .md or .txt)`);
  }
}

export function pastReportFormat(name: string): PastReportFormat {
  const extension = /\.(docx|md|markdown|txt)$/iu.exec(name)?.[1]?.toLowerCase();
  if (extension === 'markdown') return 'md';
  if (extension === 'docx' || extension === 'md' || extension === 'txt') return extension;
  throw new PastReportFormatError(name);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/giu, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? entity;
  });

/**
 * The paragraphs of a .docx's body. A paragraph Word numbers by itself (`w:numPr`) gets a number in
 * front, counted per list and level as Word draws "1.", "2.": the headings of a report's sections
 * are often numbered so, and the reader knows a section by its number.
 */
function docxParagraphs(bytes: Uint8Array, name: string): string {
  let xml: string;
  try {
    const file = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'];
    if (!file) throw new PastReportFormatError(name);
    xml = strFromU8(file);
  } catch {
    throw new PastReportFormatError(name);
  }
  const counters = new Map<string, number>();
  const lines: string[] = [];
  for (const paragraph of xml.split(/<\/w:p>/u)) {
    const text = [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/gu)]
      .map((m) => decodeXml(m[1] ?? ''))
      .join('');
    if (!text.trim()) continue;
    const list = /<w:numId w:val="(\d+)"/u.exec(paragraph)?.[1];
    const level = /<w:ilvl w:val="(\d+)"/u.exec(paragraph)?.[1] ?? '0';
    const numbered = list && list !== '0' && !/^\s*(?:\d+|[IVX]+)[.)]/u.test(text);
    if (!numbered) {
      lines.push(text.trim());
      continue;
    }
    const key = `${list}/${level}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    lines.push(`${n}. ${text.trim()}`);
  }
  return lines.join('\n');
}

/** The text `readPastReport` reads, from a file's name and bytes. */
export function pastReportText(name: string, bytes: Uint8Array): string {
  const format = pastReportFormat(name);
  if (format === 'docx') return docxParagraphs(bytes, name);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (format === 'md') return text;
  return normalizeText(repairText(text).text);
}
