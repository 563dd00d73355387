import type { EntityManager } from '@hub/db';
import type { LogRow } from './log-row';

const INSERT_LOG_ENTRY = `
  insert into integration_logs
    (level, message, source, run_id, request_id, job_id, job_name,
     step, status, external_system, elapsed_ms, payload, details)
  values (?, ?, ?, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?::integer, ?::jsonb, ?::jsonb)`;

/** Writes one `integration_logs` row; `created_at` and `id` come from the table's defaults. */
export async function insertLogEntry(em: EntityManager, row: LogRow): Promise<void> {
  await em.execute(
    INSERT_LOG_ENTRY,
    [
      row.level,
      row.message,
      row.source,
      row.runId,
      row.requestId,
      row.jobId,
      row.jobName,
      row.step,
      row.status,
      row.externalSystem,
      row.elapsedMs,
      row.payload === null ? null : JSON.stringify(row.payload),
      row.details === null ? null : JSON.stringify(row.details),
    ],
    'run',
  );
}
