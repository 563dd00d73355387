import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { scheduleJob, type Job, type Spec } from 'node-schedule';
import { DEFAULT_LOG_RETENTION_DAYS } from '@hub/logging';
import { createLogCleanupJobRunner, type LogCleanupResult } from './jobs/cleanup-integration-logs';
import { JOB_NAMES, LOG_CLEANUP_SCHEDULE, OUTBOX_INTERVAL_MS, OUTBOX_SCHEDULE, REPLENISHMENT_SCHEDULE, type JobName } from './jobs/job-names';
import { createOutboxTickRunner, type TickResult } from './jobs/process-outbox-events';
import { createReplenishmentJobRunner, type ReplenishmentJobResult } from './jobs/run-internal-replenishment';
import type { SchedulerDeps } from './jobs/scheduler-deps';

export type { SchedulerDeps } from './jobs/scheduler-deps';
export type { TickResult } from './jobs/process-outbox-events';
export type { ReplenishmentJobResult } from './jobs/run-internal-replenishment';
export type { LogCleanupResult } from './jobs/cleanup-integration-logs';

export interface Scheduler {
  /** Puts the jobs on their schedules; calling it again does nothing. */
  start(): void;
  /** Takes the jobs off their schedules and waits for a running tick or run to finish. */
  stop(): Promise<void>;
  /** One outbox tick now (what the 30-second schedule calls). */
  runOutboxTick(): Promise<TickResult>;
  /** One scheduled replenishment run now (what the 09:00 schedule calls). */
  runInternalReplenishment(): Promise<ReplenishmentJobResult>;
  /** One log cleanup now (what the daily 03:30 schedule calls); `disabled` when the logs are kept forever. */
  runLogCleanup(): Promise<LogCleanupResult | { status: 'disabled' }>;
  /** When each job fires next; null while the scheduler is not started. */
  nextInvocations(): Record<JobName, Date | null>;
}

/** What the scheduler keeps of a scheduled job: node-schedule's Job, or a plain timer. */
interface ScheduledJob {
  cancel(): void;
  nextInvocation(): Date | null;
}

/**
 * `work` every `intervalMs` on a timer, for an outbox interval the half-minute cron cannot
 * express (tests run replicas at a few hundred milliseconds). Overlap is the runner's to refuse.
 */
function everyInterval(intervalMs: number, work: () => void): ScheduledJob {
  let next = Date.now() + intervalMs;
  const timer = setInterval(() => {
    next = Date.now() + intervalMs;
    work();
  }, intervalMs);
  return {
    cancel: () => clearInterval(timer),
    nextInvocation: () => new Date(next),
  };
}

/** A lease owner no other replica shares, readable in the outbox table. */
function defaultOwner(): string {
  return `scheduler@${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Wires the outbox, replenishment and log cleanup jobs to node-schedule. */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const outboxTick = createOutboxTickRunner(deps, deps.owner ?? defaultOwner());
  const replenishment = createReplenishmentJobRunner(deps);
  const retention = deps.logRetention ?? { kind: 'days', days: DEFAULT_LOG_RETENTION_DAYS };
  const logCleanup = retention.kind === 'days' ? createLogCleanupJobRunner(deps, retention) : null;
  const jobs = new Map<JobName, ScheduledJob>();
  const outboxIntervalMs = deps.outboxIntervalMs ?? OUTBOX_INTERVAL_MS;

  function schedule(name: JobName, rule: Spec, work: () => Promise<unknown>): void {
    // The runners never reject; `void` only tells node-schedule there is nothing to wait for.
    const job: Job | null = scheduleJob(name, rule, () => void work());
    if (!job) throw new Error(`The schedule of ${name} never fires: ${JSON.stringify(rule)}`);
    jobs.set(name, job);
  }

  return {
    start() {
      if (jobs.size > 0) return;
      if (outboxIntervalMs === OUTBOX_INTERVAL_MS) schedule(JOB_NAMES.processOutboxEvents, OUTBOX_SCHEDULE, outboxTick.run);
      else
        jobs.set(
          JOB_NAMES.processOutboxEvents,
          everyInterval(outboxIntervalMs, () => void outboxTick.run()),
        );
      schedule(JOB_NAMES.runInternalReplenishment, REPLENISHMENT_SCHEDULE, replenishment.run);
      if (logCleanup) schedule(JOB_NAMES.cleanupIntegrationLogs, LOG_CLEANUP_SCHEDULE, logCleanup.run);
    },
    async stop() {
      for (const job of jobs.values()) job.cancel();
      jobs.clear();
      await Promise.all([outboxTick.stop(), replenishment.idle(), logCleanup?.idle()]);
    },
    runOutboxTick: () => outboxTick.run(),
    runInternalReplenishment: () => replenishment.run(),
    runLogCleanup: () => (logCleanup ? logCleanup.run() : Promise.resolve({ status: 'disabled' } as const)),
    nextInvocations() {
      const next = (name: JobName) => {
        // node-schedule hands back its own CronDate, typed as Date; normalise to a real Date.
        const date = jobs.get(name)?.nextInvocation();
        return date ? new Date(date.getTime()) : null;
      };
      return {
        [JOB_NAMES.processOutboxEvents]: next(JOB_NAMES.processOutboxEvents),
        [JOB_NAMES.runInternalReplenishment]: next(JOB_NAMES.runInternalReplenishment),
        [JOB_NAMES.cleanupIntegrationLogs]: next(JOB_NAMES.cleanupIntegrationLogs),
      };
    },
  };
}
