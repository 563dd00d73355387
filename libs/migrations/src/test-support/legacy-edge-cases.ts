/**
 * A legacy integration_logs (the Python release's DDL) holding the values the fixture does not:
 * other spellings of UUIDs, other spellings of "absent", JSON jsonb cannot store, invalid JSON,
 * and details that already use "_legacy".
 */

export const LEGACY_TABLE_SQL = `
  create table integration_logs (
    id serial primary key,
    created_at timestamptz not null default now(),
    level varchar(16) not null default 'INFO',
    message text not null,
    run_id varchar(64), request_id varchar(64), job_id varchar(255),
    step varchar(128), status varchar(32), external_system varchar(32), elapsed_ms integer,
    payload json, details text
  );
  create index ix_integration_logs_run_id on integration_logs (run_id);`;

/** One legacy row: the columns it sets (others NULL). */
export interface LegacyRow {
  id: number;
  run_id?: string;
  request_id?: string;
  job_id?: string;
  payload?: string;
  details?: string;
}

export const UUID = '3f1c6e2a-8b4d-4c1e-9a7f-2d5e8b1c0a41';
/** A JSON text jsonb refuses (\u0000 escape), though json accepted it. */
export const NUL_PAYLOAD = '{"text": "nul\\u0000byte"}';

export const EDGE_ROWS: LegacyRow[] = [
  { id: 1, run_id: `{${UUID.toUpperCase()}}`, request_id: UUID.replaceAll('-', '').toUpperCase() },
  { id: 2, run_id: `  ${UUID}\t`, job_id: '3f1c-6e2a-8b4d-4c1e-9a7f-2d5e-8b1c-0a41' },
  { id: 3, run_id: '   ', request_id: '\t\n', job_id: ' ', details: '  ' },
  { id: 4, run_id: 'NULL', request_id: 'NoNe', job_id: 'nULl', payload: 'null', details: 'NULL' },
  { id: 5, payload: NUL_PAYLOAD, details: '{"unclosed": ' },
  { id: 6, payload: '{"name": "caf\\u00e9"}', details: '{"already": "valid"}' },
  { id: 7, run_id: 'legacy-run', details: '{"a": 1, "_legacy": "older"}' },
  { id: 8, request_id: 'req-42', details: '{"kept": true}' },
  { id: 9, run_id: 'legacy-run-2', request_id: 'abc', job_id: 'nightly_export_job' },
  { id: 10, run_id: `${UUID}-tail`, details: 'plain text, not JSON' },
];

/** Each row's values after the migration (`payload`/`details` as jsonb text). */
export const EXPECTED_ROWS: Record<string, unknown>[] = [
  { id: 1, run_id: UUID, request_id: UUID, job_id: null, job_name: null, payload: null, details: null },
  { id: 2, run_id: UUID, request_id: null, job_id: UUID, job_name: null, payload: null, details: null },
  { id: 3, run_id: null, request_id: null, job_id: null, job_name: null, payload: null, details: null },
  { id: 4, run_id: null, request_id: null, job_id: null, job_name: null, payload: null, details: null },
  { id: 5, run_id: null, request_id: null, job_id: null, job_name: null, payload: JSON.stringify(NUL_PAYLOAD), details: '"{\\"unclosed\\": "' },
  { id: 6, run_id: null, request_id: null, job_id: null, job_name: null, payload: '{"name": "café"}', details: '{"already": "valid"}' },
  {
    id: 7,
    run_id: null,
    request_id: null,
    job_id: null,
    job_name: null,
    payload: null,
    details: '{"value": {"a": 1, "_legacy": "older"}, "_legacy": {"run_id": "legacy-run"}}',
  },
  { id: 8, run_id: null, request_id: null, job_id: null, job_name: null, payload: null, details: '{"kept": true, "_legacy": {"request_id": "req-42"}}' },
  {
    id: 9,
    run_id: null,
    request_id: null,
    job_id: null,
    job_name: 'nightly_export_job',
    payload: null,
    details: '{"_legacy": {"run_id": "legacy-run-2", "request_id": "abc"}}',
  },
  {
    id: 10,
    run_id: null,
    request_id: null,
    job_id: null,
    job_name: null,
    payload: null,
    details: `{"value": "plain text, not JSON", "_legacy": {"run_id": "${UUID}-tail"}}`,
  },
];

/** What the migration's log line must count for these rows. */
export const EXPECTED_COUNTS = {
  run_id: { converted: 2, emptied: 2, keptAside: 3 },
  request_id: { converted: 1, emptied: 2, keptAside: 2 },
  job_id: { converted: 1, emptied: 2, keptAside: 1 },
  payload: { converted: 1, emptied: 1, keptAside: 1 },
  details: { converted: 3, emptied: 2, keptAside: 2 },
};
