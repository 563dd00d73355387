import type { EntityManager } from '@hub/db';
import type { LogTableRow } from '../log-table-row';

/** Every `integration_logs` row, oldest first. */
export function readLogRows(em: EntityManager): Promise<LogTableRow[]> {
  return em.execute<LogTableRow[]>(
    `select level, message, source, run_id, request_id, job_id, job_name, step, status,
            external_system, elapsed_ms, payload, details
       from integration_logs order by id`,
    [],
    'all',
  );
}
