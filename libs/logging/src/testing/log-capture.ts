import type { EntityManager } from '@hub/db';
import type { LogTableRow } from '../log-table-row';
import { createStdoutLogger, type StdoutLogger } from '../stdout-logger';

/** A stdout logger whose lines a test reads back as parsed JSON. */
export interface CapturedStdout {
  logger: StdoutLogger;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Every line written so far, as written. */
  text(): string;
}

/** The real stdout logger (same options, mixin, redaction), writing to memory instead of stdout. */
export function captureStdout(source = 'logging-test', level = 'debug'): CapturedStdout {
  const written: string[] = [];
  const logger = createStdoutLogger(source, level, { write: (line: string) => void written.push(line) });
  return {
    logger,
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => written.join(''),
  };
}

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
