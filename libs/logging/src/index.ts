/*
 * How the hub logs: LoggerService writes the audit trail (integration_logs) and the same
 * entry to stdout as JSON; correlation ids travel in the log context; the admin reads the
 * trail back with queryLogs. Secrets are redacted by the one policy of libs/runtime.
 * The trail is kept for LOG_RETENTION_DAYS: cleanupExpiredLogs removes older rows in batches
 * (the scheduler's daily job), readLogRetentionStatus tells the admin the oldest row and the last cleanup.
 * The stdout logger and the correlation context live in libs/runtime (no database), so that a
 * process without one (the sandbox) logs the same way and its bundle needs no ORM.
 */
export { createStdoutLogger, withLogContext, type StdoutLogger, type LogContext } from '@hub/runtime';
export { LoggerService, LOG_WRITE_FAILED_MESSAGE, type LoggerServiceOptions } from './logger-service';
export { registerLogWriteFailures, LOG_WRITES_FAILED_METRIC, type FailedWritesSource } from './log-write-metrics';
export type { LogEntry, LogFields } from './log-entry';
export { queryLogs, type LogPageDirection, type LogQuery, type LogQueryResult, type StoredLogRow } from './log-queries';
export { DEFAULT_LOG_RETENTION_DAYS, logRetentionFromEnv, retentionCutoff, type LogRetention } from './retention/retention-settings';
export { LOG_CLEANUP_JOB_NAME, readLogRetentionStatus, type LastLogCleanup, type LogRetentionStatus } from './retention/retention-sql';
export {
  cleanupExpiredLogs,
  CLEANUP_ONCE_PER_HOURS,
  type LogCleanupDeps,
  type LogCleanupOptions,
  type LogCleanupResult,
} from './retention/cleanup-expired-logs';
