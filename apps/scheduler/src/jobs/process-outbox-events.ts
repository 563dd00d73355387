import { randomUUID } from 'node:crypto';
import { withLogContext } from '@hub/logging';
import {
  createMsCustomerOrderHandler,
  createOneCTransferOrderHandler,
  createOutboxDispatcher,
  processOutboxBatch,
  type OutboxBatchResult,
} from '@hub/outbox';
import { JOB_NAMES } from './job-names';
import { logSettlement } from './log-settlement';
import type { SchedulerDeps } from './scheduler-deps';

/** How one outbox tick ended. `skipped`: the previous tick was still running. */
export type TickResult =
  | { status: 'completed'; jobId: string; elapsedMs: number; counts: OutboxBatchResult }
  | { status: 'failed'; jobId: string; elapsedMs: number; error: string }
  | { status: 'skipped'; runningJobId: string };

export interface OutboxTickRunner {
  /** Runs one tick now, unless one is already running. Never rejects. */
  run(): Promise<TickResult>;
  /** Settles when no tick is running. */
  idle(): Promise<void>;
}

const jobName = JOB_NAMES.processOutboxEvents;

/**
 * The `process_outbox_events_job` tick: one outbox batch under a fresh job id, then
 * one INFO row with its counts, or one ERROR row if the batch itself failed (the
 * database, not a delivery). Ticks never overlap: a slow batch must not be claimed and
 * delivered twice in parallel by the same process, so the next tick is skipped instead.
 */
export function createOutboxTickRunner(deps: SchedulerDeps, owner: string): OutboxTickRunner {
  const dispatch = createOutboxDispatcher({
    CREATE_1C_TRANSFER_ORDER: createOneCTransferOrderHandler({ oneC: deps.oneC, orm: deps.orm }),
    ...(deps.moysklad && {
      CREATE_MS_CUSTOMER_ORDER: createMsCustomerOrderHandler({ moysklad: deps.moysklad.client, orm: deps.orm, parties: deps.moysklad.parties }),
    }),
  });
  let running: { jobId: string; done: Promise<TickResult>; skipLogged: boolean } | undefined;

  async function tick(jobId: string): Promise<TickResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const counts = await processOutboxBatch({
        orm: deps.orm,
        dispatch,
        owner,
        ...deps.outbox,
        onSettled: (settlement) => logSettlement(deps.logger, settlement),
      });
      const elapsedMs = elapsed();
      await deps.logger.info('Outbox tick finished', { jobId, jobName, status: 'completed', elapsedMs, payload: counts });
      return { status: 'completed', jobId, elapsedMs, counts };
    } catch (error) {
      const elapsedMs = elapsed();
      const message = error instanceof Error ? error.message : String(error);
      await deps.logger.error('Outbox tick failed', { jobId, jobName, status: 'failed', elapsedMs, details: { error } });
      return { status: 'failed', jobId, elapsedMs, error: message };
    }
  }

  async function skip(current: NonNullable<typeof running>): Promise<TickResult> {
    // Once per long tick: a tick stuck for minutes should not add a row every 30 s.
    if (!current.skipLogged) {
      current.skipLogged = true;
      await deps.logger.info('Outbox tick skipped: the previous tick is still running', {
        jobName,
        status: 'skipped',
        details: { runningJobId: current.jobId },
      });
    }
    return { status: 'skipped', runningJobId: current.jobId };
  }

  return {
    run() {
      if (running) return skip(running);
      const jobId = randomUUID();
      const current = { jobId, done: withLogContext({ jobId, jobName }, () => tick(jobId)), skipLogged: false };
      running = current;
      void current.done.finally(() => {
        if (running === current) running = undefined;
      });
      return current.done;
    },
    async idle() {
      await running?.done;
    },
  };
}
