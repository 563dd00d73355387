/*
 * How the hub logs: LoggerService writes the audit trail (integration_logs) and the same
 * entry to stdout as JSON; correlation ids travel in the log context; the admin reads the
 * trail back with queryLogs. Secrets are redacted by the one policy of libs/runtime.
 */
export { createStdoutLogger, type StdoutLogger } from './stdout-logger';
export { withLogContext, type LogContext } from './correlation';
export { LoggerService, type LoggerServiceOptions } from './logger-service';
export type { LogEntry, LogFields } from './log-entry';
export { queryLogs, type LogPageDirection, type LogQuery, type LogQueryResult, type StoredLogRow } from './log-queries';
