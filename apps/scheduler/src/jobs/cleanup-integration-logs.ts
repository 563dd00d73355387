import { randomUUID } from 'node:crypto';
import { cleanupExpiredLogs, withLogContext, type LogCleanupResult } from '@hub/logging';
import { JOB_NAMES } from './job-names';
import type { SchedulerDeps } from './scheduler-deps';

export type { LogCleanupResult } from '@hub/logging';

export interface LogCleanupJobRunner {
  /** One cleanup now; resolves to how it ended. Never rejects. */
  run(): Promise<LogCleanupResult>;
  /** Settles when no cleanup started by this runner is in progress. */
  idle(): Promise<void>;
}

const jobName = JOB_NAMES.cleanupIntegrationLogs;

/**
 * `cleanup_integration_logs_job`: removes the integration_logs rows older than the retention
 * (libs/logging's cleanupExpiredLogs, which logs the outcome under the job's id) and tells the
 * metrics how it ended and how many rows went.
 */
export function createLogCleanupJobRunner(deps: SchedulerDeps, retention: { days: number }): LogCleanupJobRunner {
  const inProgress = new Set<Promise<LogCleanupResult>>();

  async function measured(): Promise<LogCleanupResult> {
    const started = performance.now();
    const result = await cleanupExpiredLogs(deps, { retention });
    deps.metrics?.jobFinished(jobName, result.status, (performance.now() - started) / 1000);
    if (result.status !== 'skipped') deps.metrics?.logRowsRemoved(result.removed);
    return result;
  }

  return {
    run() {
      const jobId = randomUUID();
      const done = withLogContext({ jobId, jobName }, measured);
      inProgress.add(done);
      void done.finally(() => inProgress.delete(done));
      return done;
    },
    async idle() {
      await Promise.all(inProgress);
    },
  };
}
