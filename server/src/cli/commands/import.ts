import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { importUnit } from '../../services/backup';
import { withStorage, withStorageOptions } from '../options';

function readBackup(file: string): unknown {
  // File descriptor 0 is stdin: `gom export … | gom import -` copies a unit between databases.
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${file} không phải JSON / ${file} is not JSON.`);
  }
}

export function registerImport(program: Command): void {
  withStorageOptions(
    program
      .command('import')
      .description(
        'restore a unit (users, items, report settings and history, configuration versions) from a `gom export` backup into a database that does not hold it yet',
      )
      .argument('<file>', 'the backup file, or - for stdin'),
  ).action(async (file: string, opts) => {
    const backup = readBackup(file);
    const snapshot = await withStorage(opts, (storage) => importUnit(storage, backup));
    console.log(
      `unit ${snapshot.unit.id} imported: ${snapshot.users.length} users, ${snapshot.items.length} items, ${snapshot.mutations.length} mutation ids, ${snapshot.reportSettings.length} report settings, ${snapshot.reports.length} exported reports, ${snapshot.config.length} configuration versions`,
    );
  });
}
