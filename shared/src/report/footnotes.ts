import type { ReportModel } from './model';

/** The key of a bullet in the model, "part.section.bullet", as the HTML preview marks it too. */
export const bulletKey = (part: number, section: number, bullet: number): string => `${part}.${section}.${bullet}`;

/** The number of the footnote hanging on each bullet that has one, 1 for the first. */
export function footnoteNumbers(model: ReportModel): Map<string, number> {
  return new Map(model.footnotes.map((note, i) => [bulletKey(note.part, note.section, note.bullet), i + 1]));
}

/** A bullet cut before its closing full stop: the footnote mark sits on the last word, not after the stop. */
export function beforeFullStop(text: string): [string, string] {
  return text.endsWith('.') && !text.endsWith('..') ? [text.slice(0, -1), '.'] : [text, ''];
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "12" → "¹²": a footnote mark in plain text, where there is no raised type. */
export function superscript(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');
}
