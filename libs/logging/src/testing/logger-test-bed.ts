import { beforeEach, expect } from 'vitest';
import { captureStdout, useTestOrm, type CapturedStdout, type TestOrm } from '@hub/testing';
import { LoggerService } from '../logger-service';
import type { LogTableRow } from '../log-table-row';
import { readLogRows } from './read-log-rows';

/** A LoggerService on a migrated database of the spec's own, its stdout captured. */
export interface LoggerTestBed extends TestOrm {
  /** The logger under test, new for each test. */
  logger: LoggerService;
  /** What `logger` wrote to stdout in this test. */
  stdout: CapturedStdout;
  /** Every `integration_logs` row, oldest first. */
  rows(): Promise<LogTableRow[]>;
  /** The one row this test wrote; fails the test when there is not exactly one. */
  onlyRow(): Promise<LogTableRow>;
}

/**
 * Registers the hooks of a logger spec: a database and ORM for the whole file (`useTestOrm`),
 * and before each test an empty `integration_logs` and a fresh logger writing as `source`
 * (on both sides, as in an app), so a test sees only its own rows and lines.
 * Read the fields inside tests only: they are not set while the `describe` body runs.
 */
export function useLoggerTestBed(source: string): LoggerTestBed {
  // One object, so the `orm` that useTestOrm's hook sets is read through the bed too.
  const bed = useTestOrm() as LoggerTestBed;

  beforeEach(async () => {
    await bed.orm.em.fork().execute('truncate integration_logs');
    bed.stdout = captureStdout(source);
    bed.logger = new LoggerService({ source, session: () => bed.orm.em.fork(), stdout: bed.stdout.logger });
  });
  bed.rows = () => readLogRows(bed.orm.em.fork());
  bed.onlyRow = async () => {
    const rows = await bed.rows();
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };
  return bed;
}
