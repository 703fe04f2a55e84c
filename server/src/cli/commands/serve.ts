import { type Command, InvalidArgumentError, Option } from 'commander';
import { createLogger, type LogLevel } from '../../logger';
import { startServer } from '../../serve';
import { describeStorage } from '../../storage/open';
import { logLevelOption, openStorage, withStorageOptions } from '../options';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError('Cổng phải là số 0–65535 / The port must be 0–65535.');
  }
  return n;
}

export function registerServe(program: Command): void {
  const serve = program
    .command('serve')
    .description('run the server')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addOption(new Option('--port <port>', 'port (0 picks a free one)').default(8787).argParser(port).env('GOM_PORT'))
    .addOption(logLevelOption());
  withStorageOptions(serve).action(
    async (opts: { host: string; port: number; db: string; databaseUrl?: string; logLevel: LogLevel }) => {
      const logger = createLogger(opts.logLevel);
      const storage = await openStorage(opts, (units) =>
        logger.warn('database behind the revisions it had answered (restored from an older copy?): new epochs', {
          units,
        }),
      );
      const server = await startServer(storage, { host: opts.host, port: opts.port, logger });
      // The url is on stdout in this exact shape: tests and scripts read it to find a port chosen by `--port 0`.
      logger.info('listening', { url: server.url, storage: describeStorage({ ...opts, dbPath: opts.db }) });
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info('shutting down: finishing requests in flight', { signal });
        server.close().then(() => {
          logger.info('stopped');
          process.exit(0);
        });
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    },
  );
}
