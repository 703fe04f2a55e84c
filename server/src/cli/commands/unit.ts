import type { Command } from 'commander';
import { addUnit, listUnits, resyncUnits } from '../../services/units';
import { withStorage, withStorageOptions } from '../options';

export function registerUnit(program: Command): void {
  const unit = program.command('unit').description('manage units (đơn vị)');
  withStorageOptions(
    unit
      .command('add')
      .description('add a unit')
      .requiredOption('--id <id>', 'unit id, e.g. SNgV')
      .requiredOption('--name <name>', 'unit name, e.g. "Sở Ngoại vụ"')
      .option('--parent-agency <text>', 'parent agency in the report header, e.g. "UBND TỈNH HÀ TĨNH"', '')
      .option('--agency <text>', 'agency in the report header (default: the name in capitals)')
      .option('--abbreviation <text>', 'agency abbreviation in "Số: /BC-…" (default: the id)')
      .option('--place <text>', 'place in the date line, e.g. "Hà Tĩnh"', ''),
  ).action(async (opts) => {
    const created = await withStorage(opts, (storage) => addUnit(storage, opts));
    console.log(`unit ${created.id} added (${created.name})`);
  });
  withStorageOptions(
    unit.command('list').description('list the units, one a line (or JSON lines with --json)').option('--json'),
  ).action(async (opts) => {
    const units = await withStorage(opts, (storage) => listUnits(storage));
    for (const u of units) console.log(opts.json ? JSON.stringify(u) : `${u.id}\t${u.name}`);
  });
  withStorageOptions(
    unit
      .command('resync')
      .description(
        'after restoring the database from a backup (sqlite3 .backup, pg_restore): every client of the unit, or of every unit, pulls everything again and pushes all it holds, so that nothing written after the backup is lost',
      )
      .option('--id <id>', 'only this unit'),
  ).action(async (opts) => {
    const renewed = await withStorage(opts, (storage) => resyncUnits(storage, opts.id));
    for (const id of renewed) console.log(`unit ${id}: clients resync at their next sync`);
  });
}
