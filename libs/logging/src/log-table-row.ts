/**
 * An `integration_logs` row as PostgreSQL returns it: snake_case column names, uuids cast
 * to text, jsonb parsed. Both the admin's query and the specs' read-back select these columns.
 */
export interface LogTableRow {
  level: string;
  message: string;
  source: string | null;
  run_id: string | null;
  request_id: string | null;
  job_id: string | null;
  job_name: string | null;
  step: string | null;
  status: string | null;
  external_system: string | null;
  elapsed_ms: number | null;
  payload: unknown;
  details: unknown;
}
