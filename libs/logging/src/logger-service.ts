import { getSession, type EntityManager, type LogLevel } from '@hub/db';
import { currentLogContext, LOG_CONTEXT_KEYS, type LogContext } from '@hub/runtime';
import { insertLogRows } from './insert-log-rows';
import type { LogEntry, LogFields } from './log-entry';
import { toLogRow, type LogRow } from './log-row';
import { LogWriteQueue } from './log-write-queue';
import { createStdoutLogger, type StdoutLogger } from '@hub/runtime';

/** The stdout message of an entry that could not be written to `integration_logs`. */
export const LOG_WRITE_FAILED_MESSAGE = 'integration_logs write failed';

export interface LoggerServiceOptions {
  /** Which app or lib writes (`integration_logs.source`, varchar(64)). */
  source: string;
  /**
   * A fresh session for each statement; defaults to `getSession` from @hub/db (the process-wide ORM).
   * Give a factory such as `sessions.open` (a SessionFactory's), never the caller's transactional session:
   * a row written inside the caller's transaction would roll back with the work it reports on.
   */
  session?: () => EntityManager;
  /** The stdout logger; defaults to `createStdoutLogger(source)`. */
  stdout?: StdoutLogger;
}

type StdoutMethod = 'debug' | 'info' | 'warn' | 'error' | 'fatal';
const STDOUT_METHOD: Record<LogLevel, StdoutMethod> = {
  DEBUG: 'debug',
  INFO: 'info',
  WARNING: 'warn',
  ERROR: 'error',
  CRITICAL: 'fatal',
};
const DETAIL_FIELDS = ['step', 'status', 'externalSystem', 'elapsedMs', 'payload', 'details'] as const;

/**
 * Writes the audit trail: one `integration_logs` row per call, and the same entry as
 * one JSON line on stdout. Logging never breaks the work being logged: no method
 * rejects, and an entry the database refuses goes to stdout with the reason.
 * A call resolves once its row is committed; calls made while a write is in flight
 * share the next statement (LogWriteQueue), so a burst does not cost a commit per row.
 */
export class LoggerService {
  readonly #source: string;
  readonly #session: () => EntityManager;
  readonly #stdout: StdoutLogger;
  readonly #stdoutSource: unknown;
  readonly #queue: LogWriteQueue;
  #failedWrites = 0;

  constructor(options: LoggerServiceOptions) {
    this.#source = options.source;
    this.#session = options.session ?? getSession;
    this.#stdout = options.stdout ?? createStdoutLogger(options.source);
    this.#stdoutSource = this.#stdout.bindings()['source'];
    this.#queue = new LogWriteQueue((rows) => insertLogRows(this.#session(), rows));
  }

  /** Writes `entry`; ids it leaves `undefined` come from the current `LogContext`. Never rejects. */
  readonly log = async (entry: LogEntry): Promise<void> => {
    try {
      const context = currentLogContext();
      const row = toLogRow(entry, { source: this.#source, context });
      const outcome = await this.#queue.enqueue(row);
      if (!outcome.stored) {
        this.#failedWrites += 1;
        const failure = { ...correlationFields(row, context), reason: describeFailure(outcome.error), failedWrites: this.#failedWrites, entry: row };
        this.#stdout.error(failure, LOG_WRITE_FAILED_MESSAGE);
        return;
      }
      this.#stdout[STDOUT_METHOD[row.level]](this.#lineFields(row, context), row.message);
    } catch (error) {
      writeLastResort(error);
    }
  };

  /**
   * How many entries this logger could not write to `integration_logs` since the process
   * started: each is on stdout (LOG_WRITE_FAILED_MESSAGE, with this running count).
   */
  get failedWrites(): number {
    return this.#failedWrites;
  }

  readonly debug = (message: string, fields?: LogFields): Promise<void> => this.log({ ...fields, level: 'DEBUG', message });
  readonly info = (message: string, fields?: LogFields): Promise<void> => this.log({ ...fields, level: 'INFO', message });
  readonly warning = (message: string, fields?: LogFields): Promise<void> => this.log({ ...fields, level: 'WARNING', message });
  readonly error = (message: string, fields?: LogFields): Promise<void> => this.log({ ...fields, level: 'ERROR', message });
  readonly critical = (message: string, fields?: LogFields): Promise<void> => this.log({ ...fields, level: 'CRITICAL', message });

  /** The row as a stdout line's fields; `source` only when it differs from the logger's own. */
  #lineFields(row: LogRow, context: LogContext): Record<string, unknown> {
    const fields = correlationFields(row, context);
    if (row.source !== this.#stdoutSource) fields['source'] = row.source;
    for (const key of DETAIL_FIELDS) if (row[key] !== null) fields[key] = row[key];
    return fields;
  }
}

/**
 * The row's correlation ids for stdout. An id is included when set, and also (as null)
 * when the context holds one the row did not take, so the stdout mixin's context
 * value cannot contradict what the table holds.
 */
function correlationFields(row: LogRow, context: LogContext): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of LOG_CONTEXT_KEYS) {
    const contextValue = context[key];
    if (row[key] !== null || (contextValue !== null && contextValue !== undefined)) fields[key] = row[key];
  }
  return fields;
}

/** A one-line reason; a refused connection to several addresses is an AggregateError with no message. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const inner = error instanceof AggregateError ? error.errors.map((each) => describeFailure(each)) : [];
  const parts = [error.message, ...inner].filter((part) => part !== '');
  const text = parts.length > 0 ? parts.join('; ') : error.name;
  return typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
}

/** When even stdout refuses (a closed pipe, a throwing stream), stderr is all that is left. */
function writeLastResort(error: unknown): void {
  try {
    process.stderr.write(`${JSON.stringify({ level: 'ERROR', msg: 'log entry lost', reason: describeFailure(error) })}\n`);
  } catch {
    // Nothing is left to report to; the caller's work must go on regardless.
  }
}
