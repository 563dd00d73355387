import { Counter, type Registry } from 'prom-client';

export const LOG_WRITES_FAILED_METRIC = 'hub_log_writes_failed_total';

/** What the metric reads: a LoggerService. */
export interface FailedWritesSource {
  readonly failedWrites: number;
}

/**
 * `hub_log_writes_failed_total` in `registry`: the entries `logger` could not write to
 * `integration_logs` (a database outage), each of which went to stdout instead. Read at every
 * scrape, so it needs no database to answer.
 */
export function registerLogWriteFailures(registry: Registry, logger: FailedWritesSource): void {
  let reported = 0;
  new Counter({
    name: LOG_WRITES_FAILED_METRIC,
    help: 'Log entries that could not be written to integration_logs and went to stdout only.',
    registers: [registry],
    collect() {
      const now = logger.failedWrites;
      this.inc(now - reported);
      reported = now;
    },
  });
}
