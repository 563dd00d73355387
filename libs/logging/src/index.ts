export { createStdoutLogger, type StdoutLogger } from './stdout-logger';
export { withLogContext, currentLogContext, LOG_CONTEXT_KEYS, type LogContext } from './correlation';
export { LoggerService, LOG_WRITE_FAILED_MESSAGE, type LoggerServiceOptions } from './logger-service';
export type { LogEntry, LogFields } from './log-entry';
export { toJsonSafe, toStorableText, type JsonValue } from './json-safe';
export { readUuid, type UuidReading } from './uuid';
export { toLogRow, MESSAGE_MAX_LENGTH, type LogRow } from './log-row';
export { insertLogEntry } from './insert-log-entry';
export * from './log-queries';
