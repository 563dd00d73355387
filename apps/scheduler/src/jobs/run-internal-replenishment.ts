import { randomUUID } from 'node:crypto';
import { withLogContext } from '@hub/logging';
import { describeRunError, RunInProgressError, startReplenishmentRun } from '@hub/replenishment';
import { JOB_NAMES } from './job-names';
import type { SchedulerDeps } from './scheduler-deps';

/**
 * How one scheduled run ended. `skipped`: a run for all warehouses or for one of them was
 * already in progress (another replica's, say), so there was nothing to start;
 * `not_started`: the run was refused for another reason.
 */
export type ReplenishmentJobResult =
  | { status: 'succeeded' | 'failed'; jobId: string; runId: string }
  | { status: 'skipped'; jobId: string; activeRunId: string }
  | { status: 'not_started'; jobId: string; error: string };

export interface ReplenishmentJobRunner {
  /** Starts a run and waits for it to finish. Never rejects. */
  run(): Promise<ReplenishmentJobResult>;
  /** Settles when no run started by this job is in progress. */
  idle(): Promise<void>;
}

const jobName = JOB_NAMES.runInternalReplenishment;

/**
 * `run_internal_replenishment_job`: the same run as the HTTP trigger, started by the
 * schedule. The run logs its own steps under its run id; this job adds a row when it
 * starts the run and one when the run ends, both under the job's id and name.
 */
export function createReplenishmentJobRunner(deps: SchedulerDeps): ReplenishmentJobRunner {
  const inProgress = new Set<Promise<ReplenishmentJobResult>>();

  async function runOnce(jobId: string): Promise<ReplenishmentJobResult> {
    const started = performance.now();
    let run;
    try {
      run = await startReplenishmentRun(deps, { trigger: 'schedule' });
    } catch (error) {
      if (error instanceof RunInProgressError) {
        await deps.logger.info(`Scheduled replenishment run skipped: run ${error.activeRunId} is in progress`, {
          jobId,
          jobName,
          status: 'skipped',
          payload: { activeRunId: error.activeRunId },
        });
        return { status: 'skipped', jobId, activeRunId: error.activeRunId };
      }
      const message = describeRunError(error);
      await deps.logger.error('Scheduled replenishment run was not started', { jobId, jobName, status: 'not_started', details: { error } });
      return { status: 'not_started', jobId, error: message };
    }
    await deps.logger.info('Scheduled replenishment run started', { jobId, jobName, runId: run.runId, status: 'started' });
    const outcome = await run.completion;
    const elapsedMs = Math.round(performance.now() - started);
    const fields = { jobId, jobName, runId: run.runId, status: outcome.status, elapsedMs, payload: outcome };
    await (outcome.status === 'succeeded' ?
      deps.logger.info('Scheduled replenishment run finished', fields)
    : deps.logger.error('Scheduled replenishment run failed', fields));
    return { status: outcome.status, jobId, runId: run.runId };
  }

  /** One run, measured from the job's start to how it ended (a skipped or refused start included). */
  async function measured(jobId: string): Promise<ReplenishmentJobResult> {
    const started = performance.now();
    const result = await runOnce(jobId);
    deps.metrics?.jobFinished(jobName, result.status, (performance.now() - started) / 1000);
    return result;
  }

  return {
    run() {
      const jobId = randomUUID();
      const done = withLogContext({ jobId, jobName }, () => measured(jobId));
      inProgress.add(done);
      void done.finally(() => inProgress.delete(done));
      return done;
    },
    async idle() {
      await Promise.all(inProgress);
    },
  };
}
