import type { ReportModel } from './model';

/**
 * The report as plain text, laid out as the sample reports read when copied out of Word ("Copy as
 * text"): one paragraph a line, a blank line between paragraphs, bullets starting with "- ", the
 * recipients one per line under "Nơi nhận:".
 */
export function renderText(model: ReportModel): string {
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
  for (const part of model.parts) {
    blocks.push([part.heading]);
    for (const section of part.sections) {
      if (section.heading !== null) blocks.push([section.heading]);
      for (const bullet of section.bullets) blocks.push([`- ${bullet}`]);
    }
  }
  blocks.push([model.closing]);
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
