// A line that is only a page number ("12", "- 12 -", "Trang 3"), as a PDF's text layer leaves it
// in the middle of a sentence cut by the page break.
const PAGE_NUMBER = /^\s*(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*-)?\s*$/iu;
// What opens a paragraph of a report: a bullet, "1.", "a)", a roman-numbered part heading.
const PARAGRAPH_START = /^\s*(?:[-+•*–]\s|\d{1,2}[.)]\s|[a-zđ]\)\s|[IVX]{1,4}\.\s)/u;
const SENTENCE_END = /[.:;!?…]["”’)]?\s*$/u;

/**
 * Text copied from a PDF joined back into paragraphs: hard wraps and the blank lines between them
 * removed, a word hyphenated across lines rejoined, lone page numbers dropped. A line starts a new
 * paragraph only when it opens with a bullet or a heading, or the line before closed a sentence.
 */
export function joinPdfLines(raw: string): string {
  const content = raw
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\s\u00a0]+$/u, ''))
    .filter((line) => line.trim() !== '');
  // Only between two lines of text: a selection that is a number alone is the officer's figure.
  const lines = content.filter((line, i) => i === 0 || i === content.length - 1 || !PAGE_NUMBER.test(line));
  const paragraphs: string[] = [];
  for (const line of lines) {
    const last = paragraphs.at(-1);
    if (last === undefined || PARAGRAPH_START.test(line) || (SENTENCE_END.test(last) && /^\s*\p{Lu}/u.test(line))) {
      paragraphs.push(line.trim());
    } else if (/\p{L}-$/u.test(last) && /^\s*\p{Ll}/u.test(line)) {
      paragraphs[paragraphs.length - 1] = last.slice(0, -1) + line.trim();
    } else if (/\p{N}[-–]$/u.test(last) && /^\s*\p{N}/u.test(line)) {
      // A range cut after its dash: "từ ngày 27/9-" / "30/9/2023".
      paragraphs[paragraphs.length - 1] = last + line.trim();
    } else {
      paragraphs[paragraphs.length - 1] = `${last} ${line.trim()}`;
    }
  }
  return paragraphs.join('\n');
}

// With the `u` flag a surrogate range matches only a lone surrogate: a pair is one code point.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const UNWRITABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff\ufffe\uffff]/gu;

/**
 * Text without the characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage
 * return; U+FFFE, U+FFFF; a surrogate without its pair), nor DEL. A broken PDF text layer leaves
 * NULs, which PostgreSQL cannot store in JSON; a .docx holding any of them is not XML, and Word
 * and LibreOffice refuse the whole file. Nobody typed them. C1 controls (U+0080–U+009F) stay:
 * XML 1.0 holds them, and every character the server starts refusing is one that extensions
 * already installed still push, stalling their outbox. One regex, no loop: it runs on every clip
 * written, pushed and rendered.
 */
export function withoutControlChars(text: string): string {
  return text.replace(UNWRITABLE, '');
}

function tidy(text: string): string {
  return (
    withoutControlChars(text)
      .replace(/[\u00a0\u2000-\u200b\u202f\u3000]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/\s+([,.;:!?)\]])/g, '$1')
      .replace(/([([])\s+/g, '$1')
      // "tập huấn,bồi dưỡng": a comma glued to the next word, never inside a number ("1,5").
      .replace(/([,;])(?=\p{L})/gu, '$1 ')
      .trim()
  );
}

/**
 * Text as Gom stores it: NFC, PDF line breaks joined, single spaces, no stray whitespace around
 * punctuation. The officer's wording (and her tone-placement style) is kept; `canonicalText` is for comparing.
 */
export function cleanText(raw: string): string {
  return tidy(joinPdfLines(raw).replace(/\n/g, ' '));
}

/** `gom normalize`: every paragraph cleaned, one a line; with `lines`, every input line cleaned on its own. */
export function normalizeText(raw: string, { lines = false }: { lines?: boolean } = {}): string {
  if (lines)
    return raw
      .split(/\r\n|\r|\n/)
      .map((line) => tidy(line.normalize('NFC')))
      .join('\n');
  return joinPdfLines(raw).split('\n').map(tidy).join('\n');
}

// "hoá"/"hóa", "uỷ"/"ủy": both tone placements are in use (the sample reports mix them).
// The canonical form puts the tone on the first vowel of an open "oa", "oe", "uy" rhyme.
const TONE_ON_FIRST: Array<[string, string, string]> = [
  // [tone on the second vowel, tone on the first vowel, second vowel]
  ['áàảãạ', 'óòỏõọ', 'a'],
  ['éèẻẽẹ', 'óòỏõọ', 'e'],
  ['ýỳỷỹỵ', 'úùủũụ', 'y'],
];
const OLD_STYLE: Record<string, string> = {};
for (const [secondToned, firstToned, second] of TONE_ON_FIRST) {
  const first = second === 'y' ? 'u' : 'o';
  [...secondToned].forEach((toned, tone) => {
    OLD_STYLE[first + toned] = `${firstToned[tone]}${second}`;
  });
}
const OLD_STYLE_PATTERN = new RegExp(`(${Object.keys(OLD_STYLE).join('|')})(?![\\p{L}])`, 'gu');

/** The form used to compare, search and find duplicates: clean, lower case, one tone-placement style. */
export function canonicalText(raw: string): string {
  return (
    cleanText(raw)
      .toLowerCase()
      // "2021 - 2025", "2021–2025" and "2021-2025" are one range however the dash was typed.
      .replace(/(\p{N})\s*[-–—]\s*(?=\p{N})/gu, '$1-')
      .replace(OLD_STYLE_PATTERN, (m) => OLD_STYLE[m] ?? m)
  );
}
