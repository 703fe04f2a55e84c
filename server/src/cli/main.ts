import { Command, InvalidArgumentError, Option } from 'commander';
import { startServer } from '../serve';
import { roles } from '../storage/port';
import { addUnit, addUser } from './admin';
import { DEFAULT_DB, openStorage } from './options';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('Cổng phải là số 0–65535 / The port must be 0–65535.');
  return n;
}

const dbOption = () => new Option('--db <path>', 'SQLite database file').default(process.env.GOM_DB ?? DEFAULT_DB);

const program = new Command('gom')
  .description('Gom: the sync server and administration of units and users')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(`Lỗi / Error: ${text}`) });

program
  .command('serve')
  .description('run the server')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .addOption(new Option('--port <port>', 'port (0 picks a free one)').default(8787).argParser(port).env('GOM_PORT'))
  .addOption(dbOption())
  .action(async (opts: { host: string; port: number; db: string }) => {
    const server = await startServer(openStorage(opts.db), { host: opts.host, port: opts.port });
    console.log(JSON.stringify({ level: 'info', msg: 'listening', url: server.url, db: opts.db }));
    const stop = () => {
      server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

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

const user = program.command('user').description('manage users and their tokens');
user
  .command('add')
  .description('add a user and print the token (shown once)')
  .requiredOption('--unit <id>', 'the unit the user belongs to')
  .requiredOption('--name <name>', 'display name')
  .addOption(new Option('--role <role>', 'role').choices(roles).default('member'))
  .option('--json', 'print {"token", "userId"} as JSON')
  .addOption(dbOption())
  .action(async (opts) => {
    const { token, user: created } = await addUser(openStorage(opts.db), opts);
    if (opts.json) console.log(JSON.stringify({ token, userId: created.id }));
    else
      console.log(
        `user ${created.id} (${created.name}, ${created.role}) added to ${created.unitId}\ntoken: ${token}\nThe token is shown only this once.`,
      );
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`Lỗi / Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
