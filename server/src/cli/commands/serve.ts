import { type Command, InvalidArgumentError, Option } from 'commander';
import { startServer } from '../../serve';
import { dbOption, openStorage } from '../options';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError('Cổng phải là số 0–65535 / The port must be 0–65535.');
  }
  return n;
}

export function registerServe(program: Command): void {
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
}
