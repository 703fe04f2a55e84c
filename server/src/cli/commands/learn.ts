import type { Command } from 'commander';
import { unitConfig } from '../../services/config';
import { learnPastReports } from '../../services/model';
import { requireUnit } from '../../services/units';
import { type StorageFlags, withStorage, withStorageOptions } from '../options';
import { learnedSummary, readPastReportFile } from './past-reports';

/** Who the model's history names for a version learned at the server's console. */
const CLI_AUTHOR = 'gom-cli';

/**
 * `gom learn --unit ID FILE…`: the unit's past reports teach its model and its leads, which every
 * extension of the unit then reads with its configuration (docs/architecture.md, "Classification").
 */
export function registerLearn(program: Command): void {
  withStorageOptions(
    program
      .command('learn')
      .description("learn a unit's categories and leads from the reports it issued before; a new version of its model")
      .requiredOption('--unit <id>', 'the unit')
      .argument('<files...>', ".docx as Word saves it, .md, or .txt as a PDF's text layer"),
  ).action(async (files: string[], opts: StorageFlags & { unit: string }) => {
    const learned = await withStorage(opts, async (storage) => {
      await requireUnit(storage, opts.unit);
      const { taxonomy } = await unitConfig(storage, opts.unit);
      // Every file is read before anything is learned: one unreadable file changes nothing.
      const readings = [];
      for (const file of files) {
        const reading = await readPastReportFile(file, taxonomy);
        process.stderr.write(`${learnedSummary(file, reading)}\n`);
        readings.push(reading);
      }
      return learnPastReports(storage, opts.unit, CLI_AUTHOR, readings);
    });
    console.log(
      `model of unit ${opts.unit}: version ${learned.version}, ${learned.learned} items learned; ${learned.leads} new leads`,
    );
  });
}
