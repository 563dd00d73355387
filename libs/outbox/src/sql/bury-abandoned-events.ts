import type { EntityManager } from '@hub/db';
import { notifyDead, type AggregateHookRegistry } from '../aggregate-hooks';
import type { OutboxEventRef } from './claim-due-events';

/*
 * An in-flight event whose lease ran out was abandoned by its replica (crashed, killed,
 * stuck). Each such try was counted when it was claimed, so an event that brings down every
 * process delivering it reaches the attempt limit here and dies instead of being handed
 * to the next replica, and the next, forever. `skip locked`: another replica burying or
 * claiming the same row right now will deal with it.
 */
export const BURY_ABANDONED_EVENTS = `
  with exhausted as (
    select id
    from outbox_events
    where status = 'in_flight' and lease_expires_at < now() and attempts >= ?::integer
    for update skip locked
  ),
  dead as (
    update outbox_events e
    set status = 'dead',
        last_error = concat_ws(' | error of an earlier attempt: ',
          format('the lease of %s expired on attempt %s of %s: the process delivering it stopped (crashed, killed or stuck)',
            e.lease_owner, e.attempts, ?::integer),
          e.last_error),
        lease_owner = null,
        lease_expires_at = null,
        updated_at = now()
    from exhausted
    where e.id = exhausted.id
    returning e.id, e.aggregate_type, e.aggregate_id, e.event_type, e.attempts, e.last_error, e.created_at
  )
  select id, aggregate_type, aggregate_id, event_type, attempts, last_error from dead order by created_at, id`;

interface BuriedRow {
  id: string;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  attempts: number;
  last_error: string;
}

/** An event given up on because its last try never came back; `lastError` says so. */
export interface AbandonedEvent {
  event: OutboxEventRef;
  lastError: string;
}

/**
 * Marks dead every event whose lease expired on its last allowed attempt, tells their
 * aggregates' `dead` hooks in the same transaction (pass the transactional EntityManager),
 * and returns them, oldest first (for the tick's counts and log).
 */
export async function buryAbandonedEvents(tx: EntityManager, maxAttempts: number, hooks: AggregateHookRegistry): Promise<AbandonedEvent[]> {
  const rows = await tx.execute<BuriedRow[]>(BURY_ABANDONED_EVENTS, [maxAttempts, maxAttempts], 'all');
  await notifyDead(tx, hooks, rows);
  return rows.map((row) => ({
    event: { id: row.id, aggregateType: row.aggregate_type, aggregateId: row.aggregate_id, eventType: row.event_type, attempts: row.attempts },
    lastError: row.last_error,
  }));
}
