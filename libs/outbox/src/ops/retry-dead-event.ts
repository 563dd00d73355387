import type { EntityManager, OutboxStatus } from '@hub/db';
import { OUTBOX_EVENT_COLUMNS, toOutboxEventView, type OutboxEventRow, type OutboxEventView } from './outbox-event-view';

/**
 * What a manual retry did. `retried`: the event is pending again (`event` as it is now);
 * `aggregateReset`: its transfer or external order went from failed back to pending.
 * `not_dead`: only dead events are retried by hand; `status` is the event's current one.
 */
export type ManualRetryResult =
  | { kind: 'retried'; event: OutboxEventView; previousAttempts: number; aggregateReset: boolean }
  | { kind: 'not_found' }
  | { kind: 'not_dead'; status: OutboxStatus };

interface RetryRow extends Partial<OutboxEventRow> {
  current_status: OutboxStatus;
  previous_attempts: number;
  was_retried: boolean;
  aggregate_reset: boolean;
}

/*
 * One statement, so the event and its order change together or not at all. `target`
 * locks the row first: a concurrent retry waits here, then sees the event already
 * pending, so exactly one of two retries succeeds. `last_error` stays, so the event
 * still says why it died until its next attempt records a new outcome.
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
  reset_transfer_order as (
    update transfer_orders o set status = 'pending', updated_at = now()
    from retried
    where retried.aggregate_type = 'transfer_order' and o.id = retried.aggregate_id and o.status = 'failed'
    returning o.id
  ),
  reset_external_order as (
    update external_orders o set status = 'pending', updated_at = now()
    from retried
    where retried.aggregate_type = 'external_order' and o.id = retried.aggregate_id and o.status = 'failed'
    returning o.id
  ),
  event as (
    select ${OUTBOX_EVENT_COLUMNS} from retried
  )
  select target.status as current_status, target.attempts as previous_attempts, event.id is not null as was_retried,
    exists (select 1 from reset_transfer_order) or exists (select 1 from reset_external_order) as aggregate_reset,
    event.*
  from target left join event on true`;

/**
 * Puts a dead event back to pending by hand: attempts from 0, due now, no lease. Its
 * transfer order ('transfer_order') or external order ('external_order') goes from
 * failed back to pending in the same statement.
 */
export async function retryDeadEvent(em: EntityManager, id: string): Promise<ManualRetryResult> {
  const [row] = await em.execute<RetryRow[]>(RETRY_DEAD_EVENT, [id], 'all');
  if (!row) return { kind: 'not_found' };
  if (!row.was_retried) return { kind: 'not_dead', status: row.current_status };
  return {
    kind: 'retried',
    event: toOutboxEventView(row as RetryRow & OutboxEventRow),
    previousAttempts: row.previous_attempts,
    aggregateReset: row.aggregate_reset,
  };
}
