/**
 * The process's one logger. Every module logs through a `Log` (a message, optionally ids and counts as fields); the
 * composition root passes one down, and `stderrLog` is the default where none was passed. Lines are JSON on stderr,
 * one per event (`{"level":30,"time":…,"msg":"jobs: job J1 accepted 3 records","jobId":"J1","records":3}`); in a
 * terminal, human-readable when the dev dependency `pino-pretty` is installed.
 *
 * Why pino: structured JSON lines with levels and child loggers at almost no cost on the hot path, in the format log
 * shippers already read. What goes in: ids, counts, names, durations — never record text, entity text or arguments.
 */
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';

/** Values a log line may carry beside its message: ids, counts, names, durations. */
export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

/** Where a module sends operational messages (`"<component>: <what happened>"`, never record text). */
export type Log = (message: string, fields?: LogFields) => void;

export type { Logger };

export interface LoggerOptions {
  /** Default `info`. */
  level?: string;
  /** Default: stderr, synchronously (lines keep their order with other output and survive `process.exit`). */
  destination?: DestinationStream;
  /** Human-readable lines (needs `pino-pretty`); default: when stderr is a terminal and `pino-pretty` is installed. */
  pretty?: boolean;
}

/** pino-pretty's stream factory when the package is installed (a dev dependency), else null. */
function prettyFactory(): ((options: Record<string, unknown>) => DestinationStream) | null {
  try {
    return createRequire(import.meta.url)('pino-pretty') as (options: Record<string, unknown>) => DestinationStream;
  } catch {
    return null;
  }
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  if (options.destination) return pino({ level, base: { pid: process.pid } }, options.destination);
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  const factory = pretty ? prettyFactory() : null;
  if (factory) return pino({ level, base: { pid: process.pid } }, factory({ destination: 2, sync: true, translateTime: 'SYS:HH:MM:ss.l' }));
  return pino({ level, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: true }));
}

/** A `Log` writing to `logger` at level info. */
export function logTo(logger: Logger): Log {
  return (message, fields) => (fields ? logger.info(fields, message) : logger.info(message));
}

let processLogger: Logger | null = null;

/** The default `Log`: the process logger (created on first use) on stderr. */
export const stderrLog: Log = (message, fields) => {
  processLogger ??= createLogger();
  logTo(processLogger)(message, fields);
};
