import type { MikroORM } from '@hub/db';
import type { OutboxDispatch } from './dispatcher';
import { DEFAULT_MAX_ATTEMPTS, markFailed, type FailureOutcome } from './mark-failed';
import { claimDueEvents, type ClaimedEvent } from './sql/claim-due-events';
import { markDelivered } from './sql/mark-delivered';
import { ownSession } from './own-session';

export const DEFAULT_BATCH_SIZE = 20;
/**
 * Long enough for a whole batch delivered one by one, each call bounded by its client's
 * timeout; a replica that dies holds its events at most this long.
 */
export const DEFAULT_LEASE_MS = 5 * 60 * 1_000;

/** How one claimed event ended in this batch. */
export type EventSettlement =
  | { event: ClaimedEvent; status: 'delivered'; responseRef: string }
  | { event: ClaimedEvent; status: 'lease_lost_after_delivery'; responseRef: string }
  | ({ event: ClaimedEvent } & FailureOutcome);

export interface ProcessOutboxBatchOptions {
  orm: MikroORM;
  dispatch: OutboxDispatch;
  /** Lease owner: unique per process, e.g. host, pid and a random suffix. */
  owner: string;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Told about every event as it settles (e.g. to log failures). Must not throw. */
  onSettled?: (settlement: EventSettlement) => void | Promise<void>;
}

/**
 * Counts of one batch. `leaseLost`: events another replica took over while this one was
 * delivering them (the lease ran out); their state is that replica's to record.
 */
export interface OutboxBatchResult {
  claimed: number;
  delivered: number;
  retried: number;
  dead: number;
  leaseLost: number;
}

async function deliverOne(options: ProcessOutboxBatchOptions, event: ClaimedEvent): Promise<EventSettlement> {
  let responseRef: string;
  try {
    ({ responseRef } = await options.dispatch(event));
  } catch (error) {
    const outcome = await markFailed(ownSession(options.orm), event.id, options.owner, error, {
      attempts: event.attempts,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    });
    return { event, ...outcome };
  }
  const marked = await markDelivered(ownSession(options.orm), event.id, options.owner, responseRef);
  return { event, status: marked ? 'delivered' : 'lease_lost_after_delivery', responseRef };
}

/**
 * One pass of the outbox: claim due events in a short transaction of their own, then
 * deliver them one by one outside it and record each outcome. A delivery failure is an
 * outcome, not an exception; only a database failure makes this reject (events it had
 * claimed then come back when their lease runs out).
 */
export async function processOutboxBatch(options: ProcessOutboxBatchOptions): Promise<OutboxBatchResult> {
  const events = await ownSession(options.orm).transactional((em) =>
    claimDueEvents(em, {
      owner: options.owner,
      limit: options.batchSize ?? DEFAULT_BATCH_SIZE,
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    }),
  );
  const result: OutboxBatchResult = { claimed: events.length, delivered: 0, retried: 0, dead: 0, leaseLost: 0 };
  for (const event of events) {
    const settlement = await deliverOne(options, event);
    if (settlement.status === 'delivered') result.delivered += 1;
    else if (settlement.status === 'retried') result.retried += 1;
    else if (settlement.status === 'dead') result.dead += 1;
    else result.leaseLost += 1;
    await options.onSettled?.(settlement);
  }
  return result;
}
