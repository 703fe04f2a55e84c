import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type PastReportReading, pastReportText, readPastReport, type Taxonomy } from '@gom/shared';

/** A past report's file (.docx, .md, or .txt as a PDF's text layer) read for what it teaches. */
export async function readPastReportFile(file: string, taxonomy: Taxonomy): Promise<PastReportReading> {
  return readPastReport(pastReportText(basename(file), await readFile(file)), taxonomy);
}

/** What a report taught, for stderr: the lessons and leads, the headings it could not place. */
export function learnedSummary(file: string, reading: PastReportReading): string {
  const lines = [
    `${file}: học ${reading.lessons.length} việc, ${reading.leads.length} cụm mở đầu / learned ${reading.lessons.length} actions, ${reading.leads.length} leads`,
  ];
  for (const heading of reading.unmapped) {
    lines.push(`  không khớp nhóm nào / matches no category: "${heading}"`);
  }
  if (reading.unplaced > 0) {
    lines.push(`  ${reading.unplaced} gạch đầu dòng không thuộc mục nào / bullets under no section: not learned`);
  }
  return lines.join('\n');
}
