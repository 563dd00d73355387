import { LOG_CLEANUP_JOB_NAME } from '@hub/logging';

/** Job names as they appear in `integration_logs.job_name`; the first two kept from the first release. */
export const JOB_NAMES = {
  processOutboxEvents: 'process_outbox_events_job',
  runInternalReplenishment: 'run_internal_replenishment_job',
  /** Named by libs/logging, whose admin status finds the last cleanup by it. */
  cleanupIntegrationLogs: LOG_CLEANUP_JOB_NAME,
} as const;
export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

/** Every 30 seconds, on the half-minute (node-schedule's six-field cron: seconds first). */
export const OUTBOX_SCHEDULE = '*/30 * * * * *';
/** The period of OUTBOX_SCHEDULE; another OUTBOX_INTERVAL_MS (tests, tuning) ticks on a plain timer. */
export const OUTBOX_INTERVAL_MS = 30_000;

/** Working days (Mon–Fri) at 09:00 Moscow time, whatever the server's own time zone. */
export const REPLENISHMENT_SCHEDULE = { rule: '0 9 * * 1-5', tz: 'Europe/Moscow' };

/**
 * Every day at 03:30 Moscow time, the quietest hour of the Russian retail day, whatever the
 * server's own time zone. Replicas all fire; one runs the cleanup (see cleanupExpiredLogs).
 */
export const LOG_CLEANUP_SCHEDULE = { rule: '30 3 * * *', tz: 'Europe/Moscow' };
