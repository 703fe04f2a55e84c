import { normalizeText } from '@gom/shared';
import type { Command } from 'commander';
import { readTextInput } from './refs';

export function registerNormalize(program: Command): void {
  program
    .command('normalize')
    .description('print the cleaned text: NFC, lines broken by a PDF joined back, spacing and punctuation tidied')
    .argument('[file]', 'a UTF-8 text file, or - for stdin (the default)')
    .option('--lines', 'clean every input line on its own instead of joining them')
    .action(async (file: string | undefined, opts: { lines?: boolean }) => {
      const text = normalizeText(await readTextInput(file), { lines: Boolean(opts.lines) });
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}
