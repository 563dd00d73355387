import pino, { type Logger } from 'pino';

/** Keys whose values never reach a log line, at any depth pino checks. */
export const SECRET_KEYS = [
  'password',
  'token',
  'accessToken',
  'access_token',
  'authorization',
  'Authorization',
  'apiKey',
  'secret',
  'DATABASE_URL',
] as const;

const redactPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `headers.${key}`, `*.headers.${key}`]);

export type StdoutLogger = Logger;

/**
 * The process's JSON logger on stdout. `source` names the app or lib writing;
 * child loggers add correlation ids (`runId`, `requestId`, `jobId`, `jobName`).
 */
export function createStdoutLogger(source: string, level = process.env['LOG_LEVEL'] ?? 'info'): StdoutLogger {
  return pino({
    level,
    base: { source },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label.toUpperCase() }) },
  });
}
