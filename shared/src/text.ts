/**
 * Text as Gom stores it: NFC, single spaces, no stray whitespace around punctuation.
 * The officer's wording (and her tone-placement style) is kept; `canonicalText` is for comparing.
 */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?)\]])/g, '$1')
    .replace(/([([])\s+/g, '$1')
    .trim();
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
  return cleanText(raw)
    .toLowerCase()
    .replace(OLD_STYLE_PATTERN, (m) => OLD_STYLE[m] ?? m);
}
