import type { SessionFactory } from '@hub/db';
import pLimit from 'p-limit';
import type { AggregateHookRegistry } from './aggregate-hooks';
import { deliverWithTimeout } from './deliver-with-timeout';
import type { DeliveryReceipt, OutboxDispatch } from './dispatcher';
import { markFailed, type FailureOutcome } from './mark-failed';
import { resolveOutboxSettings, type OutboxSettings, type OutboxSettingsInput } from './settings';
import { buryAbandonedEvents } from './sql/bury-abandoned-events';
import { claimDueEvents, type ClaimedEvent, type OutboxEventRef } from './sql/claim-due-events';
import { markDeliveredMany } from './sql/mark-delivered';

/** How one event ended in this batch. */
export type EventSettlement =
  | { event: ClaimedEvent; status: 'delivered'; responseRef: string }
  | { event: ClaimedEvent; status: 'lease_lost_after_delivery'; responseRef: string }
  | ({ event: OutboxEventRef } & FailureOutcome);

export interface ProcessOutboxBatchOptions extends OutboxSettingsInput {
  sessions: SessionFactory;
  dispatch: OutboxDispatch;
  /**
   * Told, in the outbox's own transactions, about events of their aggregate type that settle.
   * Required, so a caller cannot forget them (`{}` when no aggregate has any).
   */
  hooks: AggregateHookRegistry;
  /** Lease owner: unique per process, e.g. host, pid and a random suffix. */
  owner: string;
  /** Told about every event as it settles (e.g. to log failures). Must not throw. */
  onSettled?: ((settlement: EventSettlement) => void | Promise<void>) | undefined;
  /** Jitter source for the backoff, for tests. */
  random?: () => number;
}

/**
 * Counts of one batch. `dead` includes events whose last allowed try never came back
 * (their process died), which are buried without being `claimed`. `leaseLost`: events
 * another replica took over while this one was delivering them; their state is its to record.
 */
export interface OutboxBatchResult {
  claimed: number;
  delivered: number;
  retried: number;
  dead: number;
  leaseLost: number;
}

export const EMPTY_BATCH_RESULT: Readonly<OutboxBatchResult> = { claimed: 0, delivered: 0, retried: 0, dead: 0, leaseLost: 0 };

type Attempt = { event: ClaimedEvent; receipt: DeliveryReceipt } | EventSettlement;

/** Delivers one event; a failure is recorded at once, so its retry is scheduled however long the rest of the batch takes. */
async function attempt(options: ProcessOutboxBatchOptions, settings: OutboxSettings, event: ClaimedEvent): Promise<Attempt> {
  try {
    return { event, receipt: await deliverWithTimeout(options.dispatch, event, settings.deliveryTimeoutMs) };
  } catch (error) {
    const outcome = await markFailed(options.sessions.open(), event.id, options.owner, error, {
      attempts: event.attempts,
      maxAttempts: settings.maxAttempts,
      backoff: settings.backoff,
      hooks: options.hooks,
      ...(options.random ? { random: options.random } : {}),
    });
    return { event, ...outcome };
  }
}

function count(result: OutboxBatchResult, settlement: EventSettlement): void {
  if (settlement.status === 'delivered') result.delivered += 1;
  else if (settlement.status === 'retried') result.retried += 1;
  else if (settlement.status === 'dead') result.dead += 1;
  else result.leaseLost += 1;
}

/**
 * One pass of the outbox. In one short transaction: bury events whose last allowed try
 * never came back, and claim (lease) a batch of due events. Then, outside any transaction,
 * deliver the batch — `concurrency` at a time (a batch holds at most one event per
 * aggregate, so this keeps each aggregate's sequence), each bounded by `deliveryTimeoutMs` —
 * record each failure as it happens and all deliveries in one transaction at the end.
 * A delivery failure is an outcome, not an exception; only a database failure makes this
 * reject (events it had claimed then come back when their lease runs out, and a repeated
 * delivery is harmless downstream: the event id is the idempotency key).
 */
export async function processOutboxBatch(options: ProcessOutboxBatchOptions): Promise<OutboxBatchResult> {
  const settings = resolveOutboxSettings(options);
  const { hooks } = options;
  const { abandoned, events } = await options.sessions.withSession(async (tx) => ({
    abandoned: await buryAbandonedEvents(tx, settings.maxAttempts, hooks),
    events: await claimDueEvents(tx, { owner: options.owner, limit: settings.batchSize, leaseMs: settings.leaseMs }),
  }));
  const attempts = await pLimit(settings.concurrency).map(events, (event) => attempt(options, settings, event));

  const deliveries = attempts.flatMap((a) => ('receipt' in a ? [{ id: a.event.id, receipt: a.receipt }] : []));
  const recorded = await markDeliveredMany(options.sessions.open(), options.owner, deliveries, hooks);
  const settlements: EventSettlement[] = [
    ...abandoned.map(({ event, lastError }): EventSettlement => ({ event, status: 'dead', error: lastError })),
    ...attempts.map((a): EventSettlement => {
      if (!('receipt' in a)) return a;
      const { responseRef } = a.receipt;
      const missing = recorded.missing.get(a.event.id);
      if (missing !== undefined) return { event: a.event, status: 'dead', error: missing };
      return { event: a.event, status: recorded.delivered.has(a.event.id) ? 'delivered' : 'lease_lost_after_delivery', responseRef };
    }),
  ];

  const result: OutboxBatchResult = { ...EMPTY_BATCH_RESULT, claimed: events.length };
  for (const settlement of settlements) {
    count(result, settlement);
    await options.onSettled?.(settlement);
  }
  return result;
}
