import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  assembleReport,
  defaultItemFields,
  defaultTaxonomy,
  findTemplate,
  type Item,
  itemFieldsSchema,
  localIsoDate,
  parsePeriod,
} from '@gom/shared';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { type ReportFormat, renderReport, reportFormats } from '../../services/report';

/** An item as `--items` takes it: only the text is required. */
const partialItemSchema = itemFieldsSchema.partial().required({ text: true });
type PartialItem = z.infer<typeof partialItemSchema>;

/**
 * A JSON array of items, or one item a line: a JSON item, or its text alone as `gom classify`
 * reads its input; each error names the item it is about.
 */
export function parseItemsFile(text: string, name: string): PartialItem[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const entries: Array<[string, unknown]> = [];
  if (trimmed.startsWith('[')) {
    let array: unknown;
    try {
      array = JSON.parse(trimmed);
    } catch (error) {
      throw new Error(`${name}: không phải JSON / not JSON (${(error as Error).message})`);
    }
    if (!Array.isArray(array)) throw new Error(`${name}: cần một mảng JSON / expected a JSON array`);
    for (const [i, value] of array.entries()) entries.push([`${name}[${i}]`, value]);
  } else {
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim();
      if (line === '') return;
      if (!line.startsWith('{')) {
        entries.push([`${name}:${i + 1}`, { text: line }]);
        return;
      }
      try {
        entries.push([`${name}:${i + 1}`, JSON.parse(line)]);
      } catch {
        throw new Error(`${name}:${i + 1}: không phải JSON / not JSON`);
      }
    });
  }
  return entries.map(([where, value]) => {
    const parsed = partialItemSchema.safeParse(value);
    if (!parsed.success) {
      throw new Error(
        `${where}: mục không hợp lệ / invalid item: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}`,
      );
    }
    return parsed.data;
  });
}

/**
 * Complete items: `kind` defaults to result, `occurredOn` to the period's first day; the category
 * is left empty, so that the pipeline suggests one, as it does for an item the officer did not sort.
 */
export function completeItems(partial: PartialItem[], firstDay: string, now: string): Item[] {
  return partial.map((fields, rank) => ({
    ...defaultItemFields(firstDay, now),
    rank,
    ...fields,
    id: randomUUID(),
    unitId: defaultTaxonomy.unit.id,
    authorId: null,
    updatedAt: now,
  }));
}

const isoDate = z.iso.date();

export function registerAssemble(program: Command): void {
  program
    .command('assemble')
    .description('assemble a report from items and write it as .docx, .html, .txt or .md')
    .requiredOption('--template <id>', 'the report template, e.g. so-ngoai-vu (month), so-ngoai-vu-year')
    .requiredOption('--period <period>', '2025-03, 2025-Q1, 2025-H1, 2025-9M, 2025, 2025-W12 or 2025-03-01..2025-03-31')
    .requiredOption(
      '--items <file>',
      'a JSON array of items, or one item a line: its text, or a JSON item; only "text" is required',
    )
    .requiredOption('--out <file>', `the report to write: ${reportFormats.map((f) => `.${f}`).join(', ')}`)
    .addOption(
      new Option('--cutoff <cutoff>', 'how the period is cut').choices(['calendar', 'nd09']).default('calendar'),
    )
    .option('--issued-on <date>', 'the date the report is issued, in its header (YYYY-MM-DD; default today)')
    .option(
      '--as-of <date>',
      'the last day of data, for a report issued before its period ends (YYYY-MM-DD; default the issue date)',
    )
    .addHelpText(
      'after',
      '\nItems: "kind" defaults to result, "occurredOn" to the period\'s first day, "category" is suggested when absent.',
    )
    .action(
      async (opts: {
        template: string;
        period: string;
        items: string;
        out: string;
        cutoff: 'calendar' | 'nd09';
        issuedOn?: string;
        asOf?: string;
      }) => {
        // Every input is checked before the output file is touched: bad input changes nothing.
        const format = extname(opts.out).slice(1) as ReportFormat;
        if (!reportFormats.includes(format)) {
          throw new Error(
            `--out phải kết thúc bằng ${reportFormats.map((f) => `.${f}`).join(', ')} / --out must end in one of them: ${opts.out}`,
          );
        }
        const template = findTemplate(opts.template);
        if (!template) throw new Error(`Không có mẫu / No template: ${opts.template}`);
        for (const [flag, value] of [
          ['--issued-on', opts.issuedOn],
          ['--as-of', opts.asOf],
        ] as const) {
          if (value !== undefined && !isoDate.safeParse(value).success) {
            throw new Error(`${flag} phải là ngày YYYY-MM-DD / ${flag} must be a date, YYYY-MM-DD: ${value}`);
          }
        }
        const period = parsePeriod(opts.period, { cutoff: opts.cutoff });
        const now = new Date();
        const items = completeItems(
          parseItemsFile(await readFile(opts.items, 'utf8'), opts.items),
          period.from,
          now.toISOString(),
        );
        const model = assembleReport({
          template,
          periodId: opts.period,
          items,
          unit: defaultTaxonomy.unit,
          settings: { cutoff: opts.cutoff },
          issuedOn: opts.issuedOn ?? localIsoDate(now),
          ...(opts.asOf ? { asOf: opts.asOf } : {}),
        });
        const body = await renderReport(model, format);
        // Written beside the target and renamed: a reader never sees half a report.
        const partial = `${opts.out}.${process.pid}.part`;
        await writeFile(partial, body);
        await rename(partial, opts.out);
        process.stderr.write(`${opts.out}: ${model.itemIds.length} mục / items, ${model.period.title}\n`);
      },
    );
}
