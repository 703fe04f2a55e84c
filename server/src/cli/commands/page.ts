import { readFile } from 'node:fs/promises';
import { builtInAdapters, readPage, toPageJson } from '@gom/shared';
import type { Command } from 'commander';
import { parseHTML } from 'linkedom';

/** The documents a saved page lists or shows, read by the same reader the extension runs in the page. */
export async function pageJson(file: string, url: string): Promise<string> {
  const html = await readFile(file, 'utf8');
  const { document } = parseHTML(html.normalize('NFC'));
  const page = readPage(document as unknown as Document, url, builtInAdapters);
  return `${JSON.stringify(toPageJson(page), null, 2)}\n`;
}

export function registerPage(program: Command): void {
  program
    .command('page')
    .description('list the documents a saved page of a document system lists or shows, as JSON')
    .argument('<file>', 'a saved page (.html, UTF-8)')
    .option('--url <url>', 'the address the page was saved from (picks the site adapter and the register)', '')
    .addHelpText(
      'after',
      '\nOutput: one JSON object {kind: "list"|"detail"|"none", documents: [{ref, type, date, issuer, summary,\nsigner, direction, receivedOn, dueOn}]}; dates are ISO, absent fields null. Documents only cited in\nrunning text are not the page\'s documents: `gom refs` lists those.',
    )
    .action(async (file: string, options: { url: string }) => {
      process.stdout.write(await pageJson(file, options.url));
    });
}
