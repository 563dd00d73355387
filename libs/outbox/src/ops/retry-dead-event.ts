import type { EntityManager, OutboxStatus } from '@hub/db';
import type { AggregateHookRegistry } from '../aggregate-hooks';
import { OUTBOX_EVENT_COLUMNS, toOutboxEventView, type OutboxEventRow, type OutboxEventView } from './outbox-event-view';

/**
 * What a manual retry did. `retried`: the event is pending again (`event` as it is now);
 * `aggregateReset`: its aggregate's `retried` hook changed the row back (from failed to
 * pending, say). `not_dead`: only dead events are retried by hand; `status` is the
 * event's current one.
 */
export type ManualRetryResult =
  | { kind: 'retried'; event: OutboxEventView; previousAttempts: number; aggregateReset: boolean }
  | { kind: 'not_found' }
  | { kind: 'not_dead'; status: OutboxStatus };

interface RetryRow extends Partial<OutboxEventRow> {
  current_status: OutboxStatus;
  previous_attempts: number;
  was_retried: boolean;
}

/*
 * `target` locks the row first: a concurrent retry waits here until this transaction ends,
 * then sees the event already pending, so exactly one of two retries succeeds. `last_error`
 * stays, so the event still says why it died until its next attempt records a new outcome.
 */
const RETRY_DEAD_EVENT = `
  with target as (
    select id, status, attempts from outbox_events where id = ?::uuid for update
  ),
  retried as (
    update outbox_events e
    set status = 'pending', attempts = 0, next_attempt_at = now(),
        lease_owner = null, lease_expires_at = null, updated_at = now()
    from target
    where e.id = target.id and e.status = 'dead'
    returning e.*
  ),
  event as (
    select ${OUTBOX_EVENT_COLUMNS} from retried
  )
  select target.status as current_status, target.attempts as previous_attempts, event.id is not null as was_retried, event.*
  from target left join event on true`;

/**
 * Puts a dead event back to pending by hand: attempts from 0, due now, no lease. Its
 * aggregate's `retried` hook runs in the same transaction, so the event and the row it
 * describes change together.
 */
export async function retryDeadEvent(em: EntityManager, id: string, hooks: AggregateHookRegistry): Promise<ManualRetryResult> {
  return em.transactional(async (tx): Promise<ManualRetryResult> => {
    const [row] = await tx.execute<RetryRow[]>(RETRY_DEAD_EVENT, [id], 'all');
    if (!row) return { kind: 'not_found' };
    if (!row.was_retried) return { kind: 'not_dead', status: row.current_status };
    const event = toOutboxEventView(row as RetryRow & OutboxEventRow);
    const reset = (await hooks[event.aggregateType]?.retried?.(tx, [event.aggregateId])) ?? [];
    return { kind: 'retried', event, previousAttempts: row.previous_attempts, aggregateReset: reset.length > 0 };
  });
}
