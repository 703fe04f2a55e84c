import { beforeFullStop, bulletKey, footnoteNumbers } from './footnotes';
import type { ReportModel } from './model';
import { addresseeBlock } from './render-text';

/**
 * Clipped text is data: characters Markdown would read as markup are escaped, so that "*" in a
 * quoted title or "<b>" pasted from a page come out as typed.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/** A paragraph or bullet that starts "1. " would become an ordered list. */
const paragraph = (text: string): string => escapeMarkdown(text).replace(/^(\d+)\.(\s)/, '$1\\.$2');

/** Bold on each line of a block whose lines break with two trailing spaces, as the sample's signer block. */
const boldLines = (lines: string[]): string => lines.map((line) => `**${escapeMarkdown(line)}**`).join('  \n');

/**
 * The report in Markdown, in the style of the sample monthly report: "## **BÁO CÁO**", the summary
 * one level down, part headings at level 4 and section headings at level 5, all bold; bullets a
 * paragraph each; "***Nơi nhận:***" over its list; the signer in bold.
 */
export function renderMarkdown(model: ReportModel): string {
  const { header, signer } = model;
  const blocks: string[] = [
    [
      ...(header.parentAgency ? [escapeMarkdown(header.parentAgency.toUpperCase())] : []),
      `**${escapeMarkdown(header.agency.toUpperCase())}**`,
      // Markdown collapses runs of spaces: the blank the registry fills keeps its width with no-break spaces.
      escapeMarkdown(header.numberLine).replace(/ {2,}/g, (spaces) => '\u00a0'.repeat(spaces.length)),
    ].join('  \n'),
    [
      `**${escapeMarkdown(header.nationalTitle.toUpperCase())}**`,
      `**${escapeMarkdown(header.motto)}**`,
      `*${escapeMarkdown(header.placeAndDate)}*`,
    ].join('  \n'),
    `## **${escapeMarkdown(model.documentType.toUpperCase())}**`,
    `### **${escapeMarkdown(model.summary)}**`,
    ...addresseeBlock(model.addressees).map((lines) => lines.map(escapeMarkdown).join('  \n')),
    paragraph(model.opening),
  ];
  const notes = footnoteNumbers(model);
  model.parts.forEach((part, p) => {
    blocks.push(`#### **${escapeMarkdown(part.heading)}**`);
    part.sections.forEach((section, s) => {
      if (section.heading !== null) blocks.push(`##### **${escapeMarkdown(section.heading)}**`);
      section.bullets.forEach((bullet, b) => {
        const note = notes.get(bulletKey(p, s, b));
        const [words, stop] = note === undefined ? [bullet, ''] : beforeFullStop(bullet);
        blocks.push(`- ${paragraph(words)}${note === undefined ? '' : `[^${note}]`}${stop}`);
      });
    });
  });
  blocks.push(paragraph(model.closing));
  // Footnote definitions (GitHub, Pandoc): where they stand does not matter, they render at the end.
  if (model.footnotes.length > 0) {
    blocks.push(model.footnotes.map((note, i) => `[^${i + 1}]: ${escapeMarkdown(note.text)}`).join('\n'));
  }
  blocks.push('***Nơi nhận:***');
  if (model.recipients.length > 0) blocks.push(model.recipients.map((r) => `- ${escapeMarkdown(r)}`).join('\n'));
  const authority = [signer.authority, signer.title].filter((l) => l.length > 0).map((l) => l.toUpperCase());
  if (authority.length > 0) blocks.push(boldLines(authority));
  if (signer.name) blocks.push(boldLines([signer.name]));
  return `${blocks.join('\n\n')}\n`;
}
