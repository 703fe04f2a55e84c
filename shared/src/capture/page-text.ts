/**
 * Text of a part of a page with the separators a person sees: a line break between blocks and
 * table cells, a space where an element boundary falls between a digit and a letter or digit.
 * `textContent` glues neighbouring cells ("1" + "1567/SNgV-HTQT" + "02/03" → "11567/SNgV-HTQT02/03").
 */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'OPTION', 'INPUT', 'TEXTAREA', 'SVG']);
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

const TEXT_NODE = 3;
const BOUNDARY = '\uE000';
const ELEMENT_NODE = 1;

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  return /display\s*:\s*none/i.test(element.getAttribute('style') ?? '');
}

function walk(node: Node, out: string[]): void {
  for (const child of node.childNodes) {
    if (child.nodeType === TEXT_NODE) {
      out.push(child.nodeValue ?? '');
    } else if (child.nodeType === ELEMENT_NODE) {
      const element = child as Element;
      const tag = element.tagName.toUpperCase();
      if (SKIPPED.has(tag) || isHidden(element)) continue;
      const block = BLOCKS.has(tag);
      // An inline element's edges are marked: where they fall between a digit and a letter or
      // digit ("<a>…HTQT</a><span>02/03</span>"), a person sees two things, not one word.
      out.push(block ? '\n' : BOUNDARY);
      walk(element, out);
      out.push(block ? '\n' : BOUNDARY);
    }
  }
}

/** The text of `node` as lines: blocks and cells on lines of their own, spaces collapsed, no empty line. */
export function visibleLines(node: Node): string[] {
  const out: string[] = [];
  walk(node, out);
  return out
    .join('')
    .replace(/(?<=[\p{L}\p{N}])\uE000+(?=\p{N})|(?<=\p{N})\uE000+(?=\p{L})/gu, ' ')
    .replace(/\uE000/g, '')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean);
}

/** The text of `node` on one line, its lines separated by a space. */
export function visibleText(node: Node): string {
  return visibleLines(node).join(' ');
}
