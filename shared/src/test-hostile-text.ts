import fc from 'fast-check';

/** Test support: XML 1.0's Char production, the oracle, written from the standard and not from Gom's code. */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Test support: characters XML 1.0 cannot hold, one code unit each, and DEL, which Gom drops too. */
export const unwritableChars = [
  ...['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001b', '\u001f', '\u007f'],
  ...['\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff'],
];

/** Test support: their neighbours that XML holds, which a sanitiser must keep. */
export const writableNeighbours = [
  ...['\t', '\n', '\r', ' ', '\u0080', '\u0085', '\u009f', '\u00a0', '\u2028', '\ud7ff', '\ue000'],
  ...['\ufdd0', '\ufeff', '\ufffd', '\u{10000}', '\u{1fffe}', '\u{10ffff}', '😀', 'ệ', 'Đ'],
];

// What opens a block in Markdown or a list in text, and what HTML and XML escape.
const markup = ['-', '+', '*', '#', '>', '<', '&', '`', '|', '_', '~', '=', '1.', '2)', '\\', '[', ']', '!', ':'];

/**
 * Test support: any string, with the characters above, markup and line breaks far more often than
 * chance would put them in (a lone surrogate joined to its neighbour unit makes a pair, which is right).
 */
export const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...unwritableChars),
    fc.constantFrom(...writableNeighbours, ...markup, '    ', '\n\n', '\r\n', '---', 'Góp ý dự thảo'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});
