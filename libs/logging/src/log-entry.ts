import type { LogLevel } from '@hub/db';

/** What a caller logs: one `integration_logs` row, before normalisation. */
export interface LogEntry {
  level: LogLevel;
  message: string;
  /** Which app or lib writes; defaults to the LoggerService's own `source`. */
  source?: string;
  /** Correlation ids: UUIDs in any form PostgreSQL accepts; `undefined` takes the current `LogContext`'s. */
  runId?: string | null;
  requestId?: string | null;
  jobId?: string | null;
  /** A background job's name, e.g. `process_outbox_events_job`. */
  jobName?: string | null;
  step?: string | null;
  status?: string | null;
  externalSystem?: string | null;
  elapsedMs?: number | null;
  /** Anything; made JSON-safe and stripped of secrets before it is stored (see `toJsonSafe`). */
  payload?: unknown;
  details?: unknown;
}

/** The fields of a `LogEntry` besides its level and message, for `logger.info(message, fields)`. */
export type LogFields = Omit<LogEntry, 'level' | 'message'>;
