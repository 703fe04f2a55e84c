import { readFile } from 'node:fs/promises';
import {
  type Classifiable,
  createClassifier,
  defaultTaxonomy,
  findTemplate,
  itemFieldsSchema,
  learnFrom,
  learnPastReport,
  suggestCategory,
} from '@gom/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { learnedSummary, readPastReportFile } from './past-reports';
import { readTextInput } from './refs';

/** A confirmed item of the unit's history, as `--train` reads it. */
const confirmedItemSchema = z.object({
  text: z.string().trim().min(1),
  category: z.string().min(1),
  lead: z.string().nullable().optional(),
});

/** An input line given as JSON: an item, or as much of one as is known. */
const inputItemSchema = itemFieldsSchema
  .pick({ text: true, kind: true, lead: true, tags: true, source: true, category: true, categorySource: true })
  .partial()
  .required({ text: true });

function parseJsonLine<T>(schema: z.ZodType<T>, line: string, where: string): T {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new Error(`${where}: not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${where}: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}`);
  return parsed.data;
}

const lines = (text: string): Array<[number, string]> =>
  text
    .split(/\r?\n/)
    .map((line, i): [number, string] => [i + 1, line.trim()])
    .filter(([, line]) => line.length > 0);

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('suggest the category of each input line (an item text, or a JSON item), with a top three')
    .argument('[file]', 'a UTF-8 file, one item a line, or - for stdin (the default)')
    .requiredOption('--template <id>', 'the report template whose unit classifies, e.g. so-ngoai-vu')
    .option('--train <file>', 'JSON lines of confirmed items {"text", "category", "lead"?} to learn from first')
    .option(
      '--learn <file>',
      "a report the unit issued before (.docx, .md, or .txt as a PDF's text layer) to learn its sections and leads from; repeatable",
      (file: string, files: string[]) => [...files, file],
      [] as string[],
    )
    .addHelpText(
      'after',
      '\nOutput: one JSON line per input line, {"category", "confidence", "top": [{"category", "confidence"}…]}.\nA category the input item carries with "categorySource": "user" is kept as it is.',
    )
    .action(async (file: string | undefined, opts: { template: string; train?: string; learn: string[] }) => {
      if (!findTemplate(opts.template)) throw new Error(`No template ${opts.template}`);
      const classifier = createClassifier();
      for (const report of opts.learn) {
        const reading = await readPastReportFile(report, defaultTaxonomy);
        learnPastReport(classifier, reading);
        process.stderr.write(`${learnedSummary(report, reading)}\n`);
      }
      if (opts.train) {
        for (const [n, line] of lines(await readFile(opts.train, 'utf8'))) {
          learnFrom(classifier, parseJsonLine(confirmedItemSchema, line, `${opts.train}:${n}`));
        }
      }
      const out: string[] = [];
      for (const [n, line] of lines(await readTextInput(file))) {
        const item: Classifiable = line.startsWith('{')
          ? parseJsonLine(inputItemSchema, line, `${file && file !== '-' ? file : 'stdin'}:${n}`)
          : { text: line };
        out.push(JSON.stringify(suggestCategory(item, classifier)));
      }
      process.stdout.write(out.map((l) => `${l}\n`).join(''));
    });
}
