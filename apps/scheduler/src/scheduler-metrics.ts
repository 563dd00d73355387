import { registerDeliveryCounter, type DeliveryCounter } from '@hub/outbox';
import { createMetricsRegistry } from '@hub/runtime';
import { Counter, Histogram, type Registry } from 'prom-client';
import { JOB_NAMES, type JobName } from './jobs/job-names';

/** What the scheduler measures; served on SCHEDULER_METRICS_PORT when that is set. */
export interface SchedulerMetrics {
  registry: Registry;
  /** A job run ended with `status` (a tick's completed/failed, a run's succeeded/failed/skipped/not_started) after `seconds`. */
  jobFinished(job: JobName, status: string, seconds: number): void;
  /** The log cleanup removed `count` integration_logs rows. */
  logRowsRemoved(count: number): void;
  /** A tick did not start because the previous one was still running. */
  tickSkipped(job: JobName): void;
  /** Each settled outbox delivery, by event type and result. */
  deliveries: DeliveryCounter;
}

// From a quick outbox tick to a long replenishment run.
const JOB_SECONDS_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];

/**
 * The process's default metrics, `hub_scheduler_job_duration_seconds{job,status}`,
 * `hub_scheduler_ticks_skipped_total{job}`, `hub_log_cleanup_rows_removed_total` and
 * `hub_outbox_deliveries_total{event_type,result}` (every known event type × result from 0).
 */
export function createSchedulerMetrics(eventTypes: readonly string[]): SchedulerMetrics {
  const registry = createMetricsRegistry();
  const durations = new Histogram({
    name: 'hub_scheduler_job_duration_seconds',
    help: 'How long a scheduler job run took, by job and how it ended.',
    labelNames: ['job', 'status'],
    buckets: JOB_SECONDS_BUCKETS,
    registers: [registry],
  });
  const skipped = new Counter({
    name: 'hub_scheduler_ticks_skipped_total',
    help: 'Ticks not started because the previous tick of the job was still running.',
    labelNames: ['job'],
    registers: [registry],
  });
  skipped.inc({ job: JOB_NAMES.processOutboxEvents }, 0);
  const logRowsRemoved = new Counter({
    name: 'hub_log_cleanup_rows_removed_total',
    help: 'integration_logs rows the daily log cleanup removed (older than LOG_RETENTION_DAYS).',
    registers: [registry],
  });
  return {
    registry,
    jobFinished: (job, status, seconds) => durations.observe({ job, status }, seconds),
    tickSkipped: (job) => skipped.inc({ job }),
    logRowsRemoved: (count) => logRowsRemoved.inc(count),
    deliveries: registerDeliveryCounter(registry, eventTypes),
  };
}
