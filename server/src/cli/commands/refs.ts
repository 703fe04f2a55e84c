import { readFile } from 'node:fs/promises';
import { findReferences } from '@gom/shared';
import type { Command } from 'commander';

/** The text of FILE, or of stdin for `-` or no argument: both commands read UTF-8 the same way. */
export async function readTextInput(file: string | undefined): Promise<string> {
  if (file && file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function registerRefs(program: Command): void {
  program
    .command('refs')
    .description('list the document references (số ký hiệu) in a text, as JSON')
    .argument('[file]', 'a UTF-8 text file, or - for stdin (the default)')
    .addHelpText(
      'after',
      '\nOutput: a JSON array of {ref, type, date, issuer, summary, start, end}; dates are ISO, absent fields null,\nstart and end are offsets in UTF-16 code units.',
    )
    .action(async (file: string | undefined) => {
      const text = (await readTextInput(file)).normalize('NFC');
      process.stdout.write(`${JSON.stringify(findReferences(text), null, 2)}\n`);
    });
}
