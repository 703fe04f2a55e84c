/** Structured logs: one JSON object a line on stdout, which journald and log shippers read as is. */
export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

let pending = '';
const flush = () => {
  const lines = pending;
  pending = '';
  if (lines) process.stdout.write(lines);
};
// Written by the exit itself too: `process.exit` runs no timer, and stdout to a file or pipe writes synchronously.
process.once('exit', flush);

/**
 * Stdout, with the lines of one turn of the event loop in one write: a request's line was a
 * system call of its own, a few percent of the server's CPU per push (profiled).
 */
function writeStdout(line: string): void {
  if (!pending) setImmediate(flush);
  pending += `${line}\n`;
}

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = writeStdout): Logger {
  const threshold = logLevels.indexOf(level);
  const at =
    (name: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: LogFields = {}) => {
      if (logLevels.indexOf(name) < threshold) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: name, msg, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** For tests and library use: logs nothing. */
export const silentLogger: Logger = createLogger('silent');
