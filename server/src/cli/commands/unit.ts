import type { Command } from 'commander';
import { addUnit } from '../admin';
import { dbOption, openStorage } from '../options';

export function registerUnit(program: Command): void {
  const unit = program.command('unit').description('manage units (đơn vị)');
  unit
    .command('add')
    .description('add a unit')
    .requiredOption('--id <id>', 'unit id, e.g. SNgV')
    .requiredOption('--name <name>', 'unit name, e.g. "Sở Ngoại vụ"')
    .option('--parent-agency <text>', 'parent agency in the report header, e.g. "UBND TỈNH HÀ TĨNH"', '')
    .option('--agency <text>', 'agency in the report header (default: the name in capitals)')
    .option('--abbreviation <text>', 'agency abbreviation in "Số: /BC-…" (default: the id)')
    .option('--place <text>', 'place in the date line, e.g. "Hà Tĩnh"', '')
    .addOption(dbOption())
    .action(async (opts) => {
      const created = await addUnit(openStorage(opts.db), opts);
      console.log(`unit ${created.id} added (${created.name})`);
    });
}
