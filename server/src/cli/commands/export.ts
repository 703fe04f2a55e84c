import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportUnit } from '../../services/backup';
import { withStorage, withStorageOptions } from '../options';

export function registerExport(program: Command): void {
  withStorageOptions(
    program
      .command('export')
      .description(
        "write a unit's JSON backup (unit, users with hashed tokens, items, applied mutations, report settings, exported reports, configuration versions)",
      )
      .requiredOption('--unit <id>', 'the unit to back up')
      .option('--out <file>', 'write to this file instead of stdout'),
  ).action(async (opts) => {
    const backup = await withStorage(opts, (storage) => exportUnit(storage, opts.unit));
    const text = `${JSON.stringify(backup, null, 2)}\n`;
    if (opts.out) await writeFile(opts.out, text, 'utf8');
    else process.stdout.write(text);
  });
}
