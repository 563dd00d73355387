import pino, { type DestinationStream, type Logger } from 'pino';
import { currentLogContext, LOG_CONTEXT_KEYS } from './correlation';
import { toJsonSafe } from './json-safe';

export type StdoutLogger = Logger;

/** Pino's level labels as `integration_logs.level` spells them, so stdout and the table agree. */
const LEVEL_LABELS: Record<string, string> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
  fatal: 'CRITICAL',
};

const DEFAULT_LEVEL = 'info';
const PINO_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
/** The table's spellings of pino's levels, so `LOG_LEVEL=WARNING` means what the lines print. */
const LEVEL_NAMES: Record<string, string> = { warning: 'warn', critical: 'fatal' };

/**
 * `LOG_LEVEL` as pino names it, in any case; blank means the default. Undefined when it names
 * no level: pino would throw on it, and a typo in one setting must not stop an app from starting.
 */
function readLevel(given: string): string | undefined {
  const lower = given.trim().toLowerCase();
  if (lower === '') return DEFAULT_LEVEL;
  const level = LEVEL_NAMES[lower] ?? lower;
  return PINO_LEVELS.includes(level) ? level : undefined;
}

/** The current `LogContext`'s ids that are set, for every line (pino's `mixin`). */
function correlationIds(): Record<string, string> {
  const context = currentLogContext();
  const ids: Record<string, string> = {};
  for (const key of LOG_CONTEXT_KEYS) {
    const value = context[key];
    if (value !== null && value !== undefined) ids[key] = value;
  }
  return ids;
}

/** Fields of a line made JSON-safe, with secrets redacted at any depth and in any case (see `toJsonSafe`). */
function redactedFields(fields: Record<string, unknown>): Record<string, unknown> {
  const safe = toJsonSafe(fields);
  return safe !== null && typeof safe === 'object' && !Array.isArray(safe) ? safe : {};
}

/**
 * Pino hands a child logger's bindings to no formatter: they go through `redactedFields` here,
 * once, when the child is made. (Pino's own `redact` paths did it for every line, about 27 µs a
 * line, a third of a log call, and only to two levels deep.) Children inherit this `child`.
 */
function withRedactedChildBindings(logger: Logger): Logger {
  const pinoChild = logger.child;
  logger.child = function child(this: Logger, bindings, options) {
    return pinoChild.call(this, redactedFields(bindings), options);
  } as Logger['child'];
  return logger;
}

/**
 * The process's JSON logger on stdout. `source` names the app or lib writing;
 * every line carries the current `LogContext`'s ids (`runId`, `requestId`, `jobId`,
 * `jobName`) unless the line sets its own. Levels print as in `integration_logs`
 * (`WARNING`, `CRITICAL`), and `level` takes either spelling in any case; one it cannot read logs
 * at info, with a WARNING line saying so. `destination` defaults to stdout; tests pass a stream they read.
 */
export function createStdoutLogger(source: string, level = process.env['LOG_LEVEL'] ?? 'info', destination?: DestinationStream): StdoutLogger {
  const usable = readLevel(level);
  const options: pino.LoggerOptions = {
    level: usable ?? DEFAULT_LEVEL,
    base: { source },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: correlationIds,
    formatters: {
      level: (label) => ({ level: LEVEL_LABELS[label] ?? label.toUpperCase() }),
      bindings: redactedFields,
      log: redactedFields,
    },
  };
  const logger = withRedactedChildBindings(destination ? pino(options, destination) : pino(options));
  if (usable === undefined) {
    logger.warn({ LOG_LEVEL: level }, `LOG_LEVEL "${level}" is not one of ${PINO_LEVELS.join(', ')}: logging at ${DEFAULT_LEVEL}`);
  }
  return logger;
}
