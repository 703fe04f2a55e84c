import { DEFAULT_MAX_CLOCK_DRIFT_MS } from '@gom/shared';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { createLogger, type LogLevel } from '../../logger';
import { startServer } from '../../serve';
import { healFutureClocks } from '../../services/clock';
import { describeStorage } from '../../storage/open';
import { logLevelOption, openStorage, withStorageOptions } from '../options';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError('Cổng phải là số 0–65535 / The port must be 0–65535.');
  }
  return n;
}

/** `1`/`0` and their spellings: an environment variable set to `0` must not turn the option on. */
function yesNo(value: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off|)$/i.test(value)) return false;
  throw new InvalidArgumentError('Giá trị phải là 1 hoặc 0 / The value must be 1 or 0.');
}

function idList(value: string): string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new InvalidArgumentError('Cần ít nhất một mã / At least one id is needed.');
  return ids;
}

export function registerServe(program: Command): void {
  const serve = program
    .command('serve')
    .description('run the server')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addOption(new Option('--port <port>', 'port (0 picks a free one)').default(8787).argParser(port).env('GOM_PORT'))
    .addOption(logLevelOption())
    .addOption(
      new Option('--trust-proxy [1|0]', "take the client's address from X-Forwarded-For: only behind your own proxy")
        .preset('1')
        .argParser(yesNo)
        .default(false)
        .env('GOM_TRUST_PROXY'),
    )
    .addOption(
      new Option('--extension-ids <ids>', 'comma-separated ids of the extension builds allowed to call the API (CORS)')
        .argParser(idList)
        .env('GOM_EXTENSION_IDS'),
    )
    .addOption(
      new Option('--metrics-token <token>', 'lets /metrics answer other machines bearing it; else loopback only').env(
        'GOM_METRICS_TOKEN',
      ),
    );
  withStorageOptions(serve).action(
    async (opts: {
      host: string;
      port: number;
      db: string;
      databaseUrl?: string;
      logLevel: LogLevel;
      trustProxy: boolean;
      extensionIds?: string[];
      metricsToken?: string;
    }) => {
      const logger = createLogger(opts.logLevel);
      const storage = await openStorage(opts, (units) =>
        logger.warn('database behind the revisions it had answered (restored from an older copy?): new epochs', {
          units,
        }),
      );
      const clock = { now: Date.now, maxClockDriftMs: DEFAULT_MAX_CLOCK_DRIFT_MS };
      for (const { unitId, items } of await healFutureClocks(storage, clock)) {
        logger.warn('clocks ahead of the server brought back to its time', { unit: unitId, items });
      }
      const { host, port, trustProxy, extensionIds, metricsToken } = opts;
      const server = await startServer(storage, {
        host,
        port,
        logger,
        trustProxy,
        extensionIds,
        metricsToken,
        ...clock,
      });
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
