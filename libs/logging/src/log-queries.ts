import { toDate, type EntityManager, type LogLevel } from '@hub/db';
import type { LogRow } from './log-row';
import type { LogTableRow } from './log-table-row';

/** What the admin's logs page asks for: a period (`from` inclusive, `to` exclusive) and filters. */
export interface LogQuery {
  from: Date;
  to: Date;
  level?: LogLevel;
  jobName?: string;
  /** Must be a UUID: `run_id` is a uuid column. */
  runId?: string;
  /** How many rows at most; one more is read to tell whether the result was cut short. */
  limit: number;
}

/**
 * One `integration_logs` row as read back for the page: ids as strings, JSON columns parsed.
 * The columns of `LogRow` (the row about to be inserted) plus its id and time; `level`,
 * `payload` and `details` are typed as the table gives them back, not as `toLogRow` makes them.
 */
export interface StoredLogRow extends Omit<LogRow, 'level' | 'payload' | 'details'> {
  id: string;
  createdAt: Date;
  /** Normally a `LogLevel`; legacy rows may hold other text, shown as it is. */
  level: string;
  payload: unknown;
  details: unknown;
}

/**
 * The three outcomes the page tells apart — the typed successor of the first release's
 * magic string "TABLE_NOT_EXISTS" and its ambiguous DataFrame check.
 */
export type LogQueryResult =
  | { kind: 'table-missing' }
  | { kind: 'empty' }
  | { kind: 'rows'; rows: StoredLogRow[]; truncated: boolean };

/** Raised for a query the database would reject anyway, naming the field at fault. */
export class InvalidLogQueryError extends Error {
  constructor(
    readonly field: keyof LogQuery,
    reason: string,
  ) {
    super(`Invalid log query: ${field} ${reason}`);
    this.name = 'InvalidLogQueryError';
  }
}

/** PostgreSQL's SQLSTATE for "undefined_table". */
const UNDEFINED_TABLE = '42P01';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Unqualified on purpose: it resolves through the same search_path as the select below.
const LOGS_TABLE_EXISTS_SQL = `select to_regclass('integration_logs') is not null as "exists"`;

// Each optional filter is `(? is null or column = ?)`: node-postgres sends unnamed
// statements, which PostgreSQL plans with the actual values, so an absent filter folds
// away and a present one can use its index (created_at, run_id, job_name). The tie-break
// names the table's id: a bare `id` would sort the text alias, putting 9 after 10.
const SELECT_LOGS_SQL = `
  select id::text as id,
         created_at,
         level, message, source,
         run_id::text as run_id, request_id::text as request_id, job_id::text as job_id,
         job_name, step, status, external_system, elapsed_ms, payload, details
    from integration_logs
   where created_at >= ?::timestamptz and created_at < ?::timestamptz
     and (?::text is null or level = ?::text)
     and (?::text is null or job_name = ?::text)
     and (?::uuid is null or run_id = ?::uuid)
   order by created_at desc, integration_logs.id desc
   limit ?::int`;

interface SelectedLogRow extends LogTableRow {
  id: string;
  created_at: string;
}

/**
 * Reads `integration_logs` for the admin's logs page, newest first. A missing table is a
 * result, not an error: the page tells the operator to apply the migrations.
 */
export async function queryLogs(em: EntityManager, query: LogQuery): Promise<LogQueryResult> {
  assertValidQuery(query);
  const [presence] = await em.execute<{ exists: boolean }[]>(LOGS_TABLE_EXISTS_SQL, [], 'all');
  if (!presence?.exists) return { kind: 'table-missing' };
  let selected: SelectedLogRow[];
  try {
    selected = await em.execute<SelectedLogRow[]>(SELECT_LOGS_SQL, selectParameters(query), 'all');
  } catch (error) {
    // The table can be dropped between the two statements (a rollback, a restore).
    if (isUndefinedTableError(error)) return { kind: 'table-missing' };
    throw error;
  }
  if (selected.length === 0) return { kind: 'empty' };
  const truncated = selected.length > query.limit;
  return { kind: 'rows', rows: selected.slice(0, query.limit).map(fromSelectedRow), truncated };
}

function assertValidQuery(query: LogQuery): void {
  if (!Number.isInteger(query.limit) || query.limit < 1) throw new InvalidLogQueryError('limit', 'must be a positive integer');
  if (Number.isNaN(query.from.getTime())) throw new InvalidLogQueryError('from', 'is not a valid date');
  if (Number.isNaN(query.to.getTime())) throw new InvalidLogQueryError('to', 'is not a valid date');
  if (query.runId !== undefined && !UUID_PATTERN.test(query.runId)) throw new InvalidLogQueryError('runId', 'must be a UUID');
}

function selectParameters(query: LogQuery): unknown[] {
  const level = query.level ?? null;
  const jobName = query.jobName ?? null;
  const runId = query.runId ?? null;
  return [query.from.toISOString(), query.to.toISOString(), level, level, jobName, jobName, runId, runId, query.limit + 1];
}

function isUndefinedTableError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === UNDEFINED_TABLE;
}

function fromSelectedRow(row: SelectedLogRow): StoredLogRow {
  return {
    id: row.id,
    createdAt: toDate(row.created_at),
    level: row.level,
    message: row.message,
    source: row.source,
    runId: row.run_id,
    requestId: row.request_id,
    jobId: row.job_id,
    jobName: row.job_name,
    step: row.step,
    status: row.status,
    externalSystem: row.external_system,
    elapsedMs: row.elapsed_ms,
    payload: row.payload,
    details: row.details,
  };
}
