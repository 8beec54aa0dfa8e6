/** The log module's surface: one pino logger per process, and the `Log` every module takes. */
export { createLogger, logTo, stderrLog, type Log, type LogFields, type Logger, type LoggerOptions } from './logger.js';
