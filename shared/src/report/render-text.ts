import { beforeFullStop, bulletKey, footnoteNumbers, superscript } from './footnotes';
import type { ReportModel } from './model';
import { writableModel } from './writable-model';

/**
 * The report as plain text, laid out as the sample reports read when copied out of Word ("Copy as
 * text"): one paragraph a line, a blank line between paragraphs, bullets starting with "- ", the
 * recipients one per line under "Nơi nhận:".
 */
export function renderText(report: ReportModel): string {
  const model = writableModel(report);
  const { header, signer } = model;
  const blocks: string[][] = [
    [
      ...(header.parentAgency ? [header.parentAgency.toUpperCase()] : []),
      header.agency.toUpperCase(),
      header.numberLine,
    ],
    [header.nationalTitle.toUpperCase(), header.motto, header.placeAndDate],
    [model.documentType.toUpperCase(), model.summary],
    ...addresseeBlock(model.addressees),
    [model.opening],
  ];
  const notes = footnoteNumbers(model);
  model.parts.forEach((part, p) => {
    blocks.push([part.heading]);
    part.sections.forEach((section, s) => {
      if (section.heading !== null) blocks.push([section.heading]);
      section.bullets.forEach((bullet, b) => {
        const note = notes.get(bulletKey(p, s, b));
        const [words, stop] = note === undefined ? [bullet, ''] : beforeFullStop(bullet);
        blocks.push([`- ${words}${note === undefined ? '' : superscript(note)}${stop}`]);
      });
    });
  });
  blocks.push([model.closing]);
  // Text has no foot of the page: the notes follow the body, under a short rule as Word draws one.
  if (model.footnotes.length > 0) {
    blocks.push(['__________', ...model.footnotes.map((note, i) => `${superscript(i + 1)} ${note.text}`)]);
  }
  blocks.push(['Nơi nhận:', ...model.recipients.map((r) => `- ${r}`)]);
  blocks.push([signer.authority, signer.title].filter((line) => line.length > 0).map((l) => l.toUpperCase()));
  if (signer.name) blocks.push([signer.name]);
  return `${blocks
    .filter((b) => b.length > 0)
    .map((b) => b.join('\n'))
    .join('\n\n')}\n`;
}

/** One addressee on the line of "Kính gửi:"; several one a line, each after a dash (Nghị định 30). */
export function addresseeBlock(addressees: string[]): string[][] {
  if (addressees.length === 0) return [];
  if (addressees.length === 1) return [[`Kính gửi: ${addressees[0]}`]];
  return [['Kính gửi:', ...addressees.map((a) => `- ${a}`)]];
}
