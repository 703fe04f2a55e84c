import { normalizeText } from '@gom/shared';
import { repairText } from '@gom/shared/repair';
import type { Command } from 'commander';
import { readTextInput } from './refs';

export function registerNormalize(program: Command): void {
  program
    .command('normalize')
    .description(
      'print the cleaned text: NFC, TCVN3 and VNI converted to Unicode, glyphs a broken PDF lost put back, lines broken by a PDF joined, spacing and punctuation tidied',
    )
    .argument('[file]', 'a UTF-8 text file, or - for stdin (the default)')
    .option('--lines', 'clean every input line on its own instead of joining them')
    .option('--lost <glyphs>', 'the glyphs the PDF lost (e.g. "lĐGăãắòỏổ"); inferred from the text when absent')
    .action(async (file: string | undefined, opts: { lines?: boolean; lost?: string }) => {
      const raw = await readTextInput(file);
      const lost = opts.lost === undefined ? undefined : [...opts.lost.normalize('NFC')];
      // Legacy encodings are converted first (a TCVN3 word reads as a word only once converted);
      // lost glyphs are repaired before spaces are tidied: each one left exactly one space.
      const repair = (text: string) => repairText(text, lost ? { lost } : {}).text;
      const text = opts.lines
        ? raw
            .split(/\r\n|\r|\n/)
            .map((line) => normalizeText(repair(line), { lines: true }))
            .join('\n')
        : normalizeText(repair(raw));
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}
