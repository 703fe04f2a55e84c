import { beforeFullStop, bulletKey, footnoteNumbers } from './footnotes';
import type { ReportModel } from './model';
import { addresseeBlock } from './render-text';
import { writableModel } from './writable-model';

/**
 * Clipped text is data: characters Markdown would read as markup are escaped, so that "*" in a
 * quoted title or "<b>" pasted from a page come out as typed, "&amp;" too. The whitespace at
 * either end goes: no renderer shows it, but four spaces make a code block and one undoes the
 * bold around a heading. The text comes in on one line (`writableModel`).
 */
function escapeMarkdown(text: string): string {
  return text
    .trim()
    .replace(/[\\`*_[\]<>#|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&');
}

/**
 * Text that starts a line or follows a bullet's "- ", escaped, and its start too where it would
 * open a block of its own: "---" a rule, "+ x" or "1) x" a list, "===" a heading's underline.
 */
function block(text: string): string {
  return escapeMarkdown(text)
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Bold ("**") or italic ("*"), and nothing for an empty text: "****" alone on a line is a rule. */
function marked(mark: string, text: string): string {
  const escaped = escapeMarkdown(text);
  return escaped === '' ? '' : `${mark}${escaped}${mark}`;
}
const strong = (text: string): string => marked('**', text);

/**
 * Lines of one block, each ending with two spaces (a hard line break), an empty one left out: a line
 * of spaces alone would end the block.
 */
const lineBlock = (lines: string[]): string => lines.filter((line) => line !== '').join('  \n');

/** Bold on each line of a block whose lines break with two trailing spaces, as the sample's signer block. */
const boldLines = (lines: string[]): string => lineBlock(lines.map(strong));

/**
 * The report in Markdown, in the style of the sample monthly report: "## **BÁO CÁO**", the summary
 * one level down, part headings at level 4 and section headings at level 5, all bold; bullets a
 * paragraph each; "***Nơi nhận:***" over its list; the signer in bold.
 */
export function renderMarkdown(report: ReportModel): string {
  const model = writableModel(report);
  const { header, signer } = model;
  const blocks: string[] = [
    lineBlock([
      block(header.parentAgency.toUpperCase()),
      strong(header.agency.toUpperCase()),
      // Markdown collapses runs of spaces: the blank the registry fills keeps its width with no-break spaces.
      block(header.numberLine).replace(/ {2,}/g, (spaces) => '\u00a0'.repeat(spaces.length)),
    ]),
    lineBlock([strong(header.nationalTitle.toUpperCase()), strong(header.motto), marked('*', header.placeAndDate)]),
    `## ${strong(model.documentType.toUpperCase())}`,
    `### ${strong(model.summary)}`,
    ...addresseeBlock(model.addressees.map(block)).map(lineBlock),
    block(model.opening),
  ];
  const notes = footnoteNumbers(model);
  model.parts.forEach((part, p) => {
    blocks.push(`#### ${strong(part.heading)}`);
    part.sections.forEach((section, s) => {
      if (section.heading !== null) blocks.push(`##### ${strong(section.heading)}`);
      section.bullets.forEach((bullet, b) => {
        const note = notes.get(bulletKey(p, s, b));
        const [words, stop] = note === undefined ? [bullet, ''] : beforeFullStop(bullet);
        blocks.push(`- ${block(words)}${note === undefined ? '' : `[^${note}]`}${stop}`);
      });
    });
  });
  blocks.push(block(model.closing));
  // Footnote definitions (GitHub, Pandoc): where they stand does not matter, they render at the end.
  if (model.footnotes.length > 0) {
    blocks.push(model.footnotes.map((note, i) => `[^${i + 1}]: ${block(note.text)}`).join('\n'));
  }
  blocks.push('***Nơi nhận:***');
  if (model.recipients.length > 0) blocks.push(model.recipients.map((r) => `- ${block(r)}`).join('\n'));
  const authority = [signer.authority, signer.title].filter((l) => l.length > 0).map((l) => l.toUpperCase());
  if (authority.length > 0) blocks.push(boldLines(authority));
  if (signer.name) blocks.push(boldLines([signer.name]));
  return `${blocks.join('\n\n')}\n`;
}
