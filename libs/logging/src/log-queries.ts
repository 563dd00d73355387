import { toDate, UnknownCursorError, type EntityManager, type LogLevel } from '@hub/db';
import type { LogRow } from './log-row';
import type { LogTableRow } from './log-table-row';

/** Which way a page goes from its cursor row: to older rows, or back to newer ones. */
export type LogPageDirection = 'older' | 'newer';

/** What the admin's logs page asks for: a period (`from` inclusive, `to` exclusive), filters and a page. */
export interface LogQuery {
  from: Date;
  to: Date;
  level?: LogLevel | undefined;
  jobName?: string | undefined;
  /** Must be a UUID: `run_id` is a uuid column. */
  runId?: string | undefined;
  /** Must be a UUID: `request_id` is a uuid column. */
  requestId?: string | undefined;
  externalSystem?: string | undefined;
  step?: string | undefined;
  status?: string | undefined;
  /** Text anywhere in the message, any case (a pg_trgm index serves it). */
  text?: string | undefined;
  /** How many rows a page holds at most. */
  limit: number;
  /** The page after (older) or before (newer) the row with this id; the newest page when absent. */
  cursor?: { id: string; direction: LogPageDirection } | undefined;
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
  /** A page, newest first; each cursor is the id to page on from, null when nothing lies that way. */
  | { kind: 'rows'; rows: StoredLogRow[]; olderCursor: string | null; newerCursor: string | null };

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
/** A row id: integration_logs.id is a bigint. */
const ROW_ID_PATTERN = /^[1-9]\d{0,18}$/;

// Unqualified on purpose: it resolves through the same search_path as the select below.
const LOGS_TABLE_EXISTS_SQL = `select to_regclass('integration_logs') is not null as "exists"`;

// Each optional filter is `(? is null or column = ?)`: node-postgres sends unnamed
// statements, which PostgreSQL plans with the actual values, so an absent filter folds
// away and a present one can use its index (created_at; run_id, request_id, job_name;
// (step | status | external_system, created_at); the message's trigram index).
const MATCHES_FILTERS = `
  created_at >= ?::timestamptz and created_at < ?::timestamptz
  and (?::text is null or level = ?::text)
  and (?::text is null or job_name = ?::text)
  and (?::uuid is null or run_id = ?::uuid)
  and (?::uuid is null or request_id = ?::uuid)
  and (?::text is null or external_system = ?::text)
  and (?::text is null or step = ?::text)
  and (?::text is null or status = ?::text)
  and (?::text is null or message ilike ?::text)`;

// The tie-break names the table's id: a bare `id` would sort the text alias, putting 9 after 10.
const KEY = '(integration_logs.created_at, integration_logs.id)';
const ROW_KEY = '(select key_row.created_at, key_row.id from integration_logs key_row where key_row.id = ?::bigint)';
const BEYOND: Record<LogPageDirection, string> = { older: `${KEY} < ${ROW_KEY}`, newer: `${KEY} > ${ROW_KEY}` };
const ORDER: Record<LogPageDirection, string> = {
  older: 'order by integration_logs.created_at desc, integration_logs.id desc',
  newer: 'order by integration_logs.created_at asc, integration_logs.id asc',
};

const selectPage = (direction: LogPageDirection, fromCursor: boolean) => `
  select id::text as id,
         created_at,
         level, message, source,
         run_id::text as run_id, request_id::text as request_id, job_id::text as job_id,
         job_name, step, status, external_system, elapsed_ms, payload, details
    from integration_logs
   where ${MATCHES_FILTERS} ${fromCursor ? `and ${BEYOND[direction]}` : ''}
   ${ORDER[direction]}
   limit ?::int`;

const anyBeyond = (direction: LogPageDirection) =>
  `select exists (select 1 from integration_logs where ${MATCHES_FILTERS} and ${BEYOND[direction]}) as "exists"`;

const ROW_EXISTS_SQL = `select exists (select 1 from integration_logs where id = ?::bigint) as "exists"`;

interface SelectedLogRow extends LogTableRow {
  id: string;
  created_at: string;
}

/**
 * Reads a page of `integration_logs` for the admin's logs explorer, newest first, with the
 * cursors to the older and the newer page. A missing table is a result, not an error: the page
 * tells the operator to apply the migrations. Throws UnknownCursorError (from @hub/db) when the
 * cursor names no row, InvalidLogQueryError for a query the database would reject.
 */
export async function queryLogs(em: EntityManager, query: LogQuery): Promise<LogQueryResult> {
  assertValidQuery(query);
  const [presence] = await em.execute<{ exists: boolean }[]>(LOGS_TABLE_EXISTS_SQL, [], 'all');
  if (!presence?.exists) return { kind: 'table-missing' };
  try {
    return await readPage(em, query);
  } catch (error) {
    // The table can be dropped between the two statements (a rollback, a restore).
    if (isUndefinedTableError(error)) return { kind: 'table-missing' };
    throw error;
  }
}

async function readPage(em: EntityManager, query: LogQuery): Promise<LogQueryResult> {
  const filters = filterParameters(query);
  const direction = query.cursor?.direction ?? 'older';
  const cursorId = query.cursor?.id;
  const cursorParameters = cursorId === undefined ? [] : [cursorId];
  const selected = await em.execute<SelectedLogRow[]>(selectPage(direction, cursorId !== undefined), [...filters, ...cursorParameters, query.limit + 1], 'all');
  if (selected.length === 0) {
    if (cursorId !== undefined) {
      const [row] = await em.execute<{ exists: boolean }[]>(ROW_EXISTS_SQL, [cursorId], 'all');
      if (!row?.exists) throw new UnknownCursorError(cursorId, 'log row');
    }
    return { kind: 'empty' };
  }
  const more = selected.length > query.limit;
  const page = selected.slice(0, query.limit);
  const rows = (direction === 'older' ? page : page.reverse()).map(fromSelectedRow);
  const newest = rows[0]!.id;
  const oldest = rows.at(-1)!.id;
  // Beyond the page in the direction it came from: only a page reached through a cursor can have rows there.
  const behind = async (towards: LogPageDirection, from: string): Promise<string | null> => {
    if (cursorId === undefined) return null;
    const [found] = await em.execute<{ exists: boolean }[]>(anyBeyond(towards), [...filters, from], 'all');
    return found?.exists ? from : null;
  };
  return direction === 'older' ?
      { kind: 'rows', rows, olderCursor: more ? oldest : null, newerCursor: await behind('newer', newest) }
    : { kind: 'rows', rows, olderCursor: await behind('older', oldest), newerCursor: more ? newest : null };
}

function assertValidQuery(query: LogQuery): void {
  if (!Number.isInteger(query.limit) || query.limit < 1) throw new InvalidLogQueryError('limit', 'must be a positive integer');
  if (Number.isNaN(query.from.getTime())) throw new InvalidLogQueryError('from', 'is not a valid date');
  if (Number.isNaN(query.to.getTime())) throw new InvalidLogQueryError('to', 'is not a valid date');
  if (query.runId !== undefined && !UUID_PATTERN.test(query.runId)) throw new InvalidLogQueryError('runId', 'must be a UUID');
  if (query.requestId !== undefined && !UUID_PATTERN.test(query.requestId)) throw new InvalidLogQueryError('requestId', 'must be a UUID');
  if (query.cursor !== undefined && !ROW_ID_PATTERN.test(query.cursor.id)) throw new UnknownCursorError(query.cursor.id, 'log row');
}

/** `%`, `_` and `\` in the text mean themselves, not ilike's wildcards. */
const containing = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

function filterParameters(query: LogQuery): unknown[] {
  const twice = (value: string | undefined) => [value ?? null, value ?? null];
  return [
    query.from.toISOString(),
    query.to.toISOString(),
    ...twice(query.level),
    ...twice(query.jobName),
    ...twice(query.runId),
    ...twice(query.requestId),
    ...twice(query.externalSystem),
    ...twice(query.step),
    ...twice(query.status),
    ...twice(query.text === undefined ? undefined : containing(query.text)),
  ];
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
