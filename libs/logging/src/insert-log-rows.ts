import { executeBound, sqlArray, sqlColumns, type EntityManager } from '@hub/db';
import type { LogRow } from './log-row';

/*
 * One statement for one row or a thousand: a column of the batch per array parameter, the rows
 * numbered by `with ordinality` so that their ids follow the order they were given in.
 */
const INSERT_LOG_ROWS = `
  insert into integration_logs
    (level, message, source, run_id, request_id, job_id, job_name,
     step, status, external_system, elapsed_ms, payload, details)
  select level, message, source, run_id, request_id, job_id, job_name,
         step, status, external_system, elapsed_ms, payload, details
    from unnest(?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::integer[], ?::jsonb[], ?::jsonb[])
         with ordinality as given (level, message, source, run_id, request_id, job_id, job_name,
                                   step, status, external_system, elapsed_ms, payload, details, position)
   order by position`;

/** What knex writes between the statement it puts before a server's message and that message. */
const STATEMENT_END = `${INSERT_LOG_ROWS.slice(INSERT_LOG_ROWS.lastIndexOf('?') + 1)} - `;

/** The columns bound as text, in the statement's order; payload and details follow as JSON. */
const TEXT_COLUMNS = ['level', 'message', 'source', 'runId', 'requestId', 'jobId', 'jobName', 'step', 'status', 'externalSystem', 'elapsedMs'] as const;

/**
 * Writes `rows` to `integration_logs` as one statement, in their order (`created_at` and `id`
 * come from the table's defaults): all of them, or none when it throws. What it throws carries
 * PostgreSQL's SQLSTATE as `code` and the server's message without the statement.
 */
export async function insertLogRows(em: EntityManager, rows: readonly LogRow[]): Promise<void> {
  // jsonb values go as their JSON text: a string payload must arrive quoted.
  const json = (column: 'payload' | 'details') => sqlArray(rows.map((row) => jsonText(row[column])));
  try {
    await executeBound(em, INSERT_LOG_ROWS, [...sqlColumns(rows, TEXT_COLUMNS), json('payload'), json('details')]);
  } catch (error) {
    throw withoutStatement(error);
  }
}

function jsonText(value: LogRow['payload']): string | null {
  return value === null ? null : JSON.stringify(value);
}

/**
 * knex puts the statement, every value inlined, before the server's message: for a batch that
 * is every row's text, which the failure line of each row would repeat. The message keeps the
 * server's words only; the error it came from stays as `cause`.
 */
function withoutStatement(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const at = error.message.indexOf(STATEMENT_END);
  if (at === -1) return error;
  const short = new Error(error.message.slice(at + STATEMENT_END.length), { cause: error });
  return Object.assign(short, { code: (error as { code?: unknown }).code });
}
