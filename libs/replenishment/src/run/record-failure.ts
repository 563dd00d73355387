import type { LoggerService } from '@hub/logging';
import { retryWithDoublingDelay } from '@hub/runtime';
import { markRunFinished } from '../sql/runs-sql';
import type { RunDependencies, RunStep } from './types';

/**
 * How long a failed run keeps trying to record its failure while the database is away. A run
 * left 'queued' or 'running' would block every run for its target until it counts as abandoned
 * (two hours), so it waits out an outage of minutes rather than give up at the first refusal.
 */
export const RECORD_FAILURE_PATIENCE_MS = 10 * 60 * 1000;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

/**
 * Marks `runId` failed with `message`, retrying with a doubling delay while the database refuses
 * (most often the outage that failed the run). The first refusal is logged (to stdout, when the
 * table cannot take it either); so is giving up, after `patienceMs`. Never rejects.
 */
export async function recordRunFailure(
  deps: Pick<RunDependencies, 'sessions'> & { logger: Pick<LoggerService, 'warning' | 'error'> },
  runId: string,
  failure: { step: RunStep; message: string },
  patienceMs = RECORD_FAILURE_PATIENCE_MS,
): Promise<boolean> {
  const outcome = await retryWithDoublingDelay(() => markRunFinished(deps.sessions.open(), runId, { status: 'failed', counts: {}, error: failure.message }), {
    patienceMs,
    delay: { firstMs: FIRST_RETRY_MS, maxMs: MAX_RETRY_MS },
    async onFailure({ attempt, error, remainingMs }) {
      const fields = { step: failure.step, status: 'failed', details: { attempt, error } };
      if (remainingMs <= 0) {
        await deps.logger.error(`Could not mark the run failed after ${attempt} attempts: it stays active until it counts as abandoned`, fields);
      } else if (attempt === 1) {
        await deps.logger.warning('Could not mark the run failed yet: retrying until the database answers', fields);
      }
    },
  });
  return outcome.kind === 'done';
}
