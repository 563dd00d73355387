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

/** The columns bound as text, in the statement's order; payload and details follow as JSON. */
const TEXT_COLUMNS = ['level', 'message', 'source', 'runId', 'requestId', 'jobId', 'jobName', 'step', 'status', 'externalSystem', 'elapsedMs'] as const;

/**
 * Writes `rows` to `integration_logs` as one statement, in their order (`created_at` and `id`
 * come from the table's defaults): all of them, or none when it throws. What it throws carries
 * PostgreSQL's SQLSTATE as `code` and the server's message without the statement (executeBound).
 */
export async function insertLogRows(em: EntityManager, rows: readonly LogRow[]): Promise<void> {
  // jsonb values go as their JSON text: a string payload must arrive quoted.
  const json = (column: 'payload' | 'details') => sqlArray(rows.map((row) => jsonText(row[column])));
  await executeBound(em, INSERT_LOG_ROWS, [...sqlColumns(rows, TEXT_COLUMNS), json('payload'), json('details')]);
}

function jsonText(value: LogRow['payload']): string | null {
  return value === null ? null : JSON.stringify(value);
}
