import { randomUUID } from 'node:crypto';
import { withLogContext } from '@hub/logging';
import { createOrderDispatch, ORDER_OUTBOX_HOOKS } from '@hub/orders';
import { drainOutbox, OUTBOX_TICK_FINISHED, type DrainResult } from '@hub/outbox';
import { JOB_NAMES } from './job-names';
import { logSettlement } from './log-settlement';
import type { SchedulerDeps } from './scheduler-deps';

/** How one outbox tick ended. `skipped`: the previous tick was still running. */
export type TickResult =
  | { status: 'completed'; jobId: string; elapsedMs: number; counts: DrainResult }
  | { status: 'failed'; jobId: string; elapsedMs: number; error: string }
  | { status: 'skipped'; runningJobId: string };

export interface OutboxTickRunner {
  /** Runs one tick now, unless one is already running. Never rejects. */
  run(): Promise<TickResult>;
  /** Settles when no tick is running. */
  idle(): Promise<void>;
  /** Lets a running tick finish its current batch but claim no more, and waits for it. */
  stop(): Promise<void>;
}

const jobName = JOB_NAMES.processOutboxEvents;

/**
 * The `process_outbox_events_job` tick: drains the outbox (batch after batch until nothing
 * more is due) under a fresh job id, then writes one INFO row with the counts (claimed,
 * delivered, retried, dead, leaseLost, batches), or one ERROR row if the database failed.
 * Ticks never overlap within a process: while one runs, the next is skipped and says so
 * (once per long tick), since a second drain in parallel would only compete for the same
 * rows. Other replicas share the work through the claim's SKIP LOCKED.
 */
export function createOutboxTickRunner(deps: SchedulerDeps, owner: string): OutboxTickRunner {
  const dispatch = createOrderDispatch({ oneC: deps.oneC, moysklad: deps.moysklad });
  const stopping = new AbortController();
  let running: { jobId: string; done: Promise<TickResult>; skipLogged: boolean } | undefined;

  async function tick(jobId: string): Promise<TickResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const counts = await drainOutbox({
        ...deps.outbox,
        sessions: deps.sessions,
        dispatch,
        hooks: ORDER_OUTBOX_HOOKS,
        owner,
        signal: stopping.signal,
        onSettled: (settlement) => {
          deps.metrics?.deliveries.count(settlement);
          return logSettlement(deps.logger, settlement);
        },
      });
      const elapsedMs = elapsed();
      deps.metrics?.jobFinished(jobName, 'completed', elapsedMs / 1000);
      await deps.logger.info(OUTBOX_TICK_FINISHED, { jobId, jobName, status: 'completed', elapsedMs, payload: counts });
      return { status: 'completed', jobId, elapsedMs, counts };
    } catch (error) {
      const elapsedMs = elapsed();
      deps.metrics?.jobFinished(jobName, 'failed', elapsedMs / 1000);
      const message = error instanceof Error ? error.message : String(error);
      await deps.logger.error('Outbox tick failed', { jobId, jobName, status: 'failed', elapsedMs, details: { error } });
      return { status: 'failed', jobId, elapsedMs, error: message };
    }
  }

  async function skip(current: NonNullable<typeof running>): Promise<TickResult> {
    deps.metrics?.tickSkipped(jobName);
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
    async stop() {
      stopping.abort();
      await running?.done;
    },
  };
}
