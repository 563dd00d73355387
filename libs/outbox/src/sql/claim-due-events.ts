import { toDate, type EntityManager } from '@hub/db';

/** Which event, of which aggregate, on which attempt: what a log line about an event needs. */
export interface OutboxEventRef {
  id: string;
  aggregateType: string;
  aggregateId: string;
  /** Which handler delivers it. */
  eventType: string;
  /**
   * Deliveries started, this one included: counted when the event is claimed, so a try
   * whose process crashed counts too and a crash loop ends dead like any other failure.
   */
  attempts: number;
}

/** An event this process holds a lease on and may now deliver. */
export interface ClaimedEvent extends OutboxEventRef {
  payload: Record<string, unknown>;
  leaseOwner: string;
  leaseExpiresAt: Date;
  createdAt: Date;
}

export interface ClaimOptions {
  /** Who holds the lease: unique per scheduler process. */
  owner: string;
  limit: number;
  /** How long the lease lasts; after that another replica may take the event over. */
  leaseMs: number;
}

interface ClaimedRow {
  id: string;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  payload: Record<string, unknown>;
  attempts: number;
  lease_owner: string;
  lease_expires_at: string;
  created_at: string;
}

/*
 * Due: pending and its time has come, or in flight under a lease that ran out (the
 * replica holding it died). Only the oldest undelivered event of an aggregate is ever
 * due, so one aggregate's events reach the other side in the order they were written;
 * a dead event keeps blocking its aggregate until someone retries it by hand, since
 * sending its successors first would break that order.
 * `skip locked` lets concurrent claimers pass over each other's rows instead of waiting.
 * The walk follows outbox_events_undelivered_index (created_at, id) and stops after `limit`;
 * `= any(array(…))` makes the update find its rows by primary key instead of hashing the table.
 */
export const CLAIM_DUE_EVENTS = `
  with due as (
    select e.id
    from outbox_events e
    where (
        (e.status = 'pending' and e.next_attempt_at <= now())
        or (e.status = 'in_flight' and e.lease_expires_at < now())
      )
      and not exists (
        select 1
        from outbox_events older
        where older.aggregate_type = e.aggregate_type
          and older.aggregate_id = e.aggregate_id
          and older.status <> 'delivered'
          and (older.created_at, older.id) < (e.created_at, e.id)
      )
    order by e.created_at, e.id
    limit ?::integer
    for update of e skip locked
  ),
  claimed as (
    update outbox_events e
    set status = 'in_flight',
        attempts = e.attempts + 1,
        lease_owner = ?,
        lease_expires_at = now() + ?::integer * interval '1 millisecond',
        updated_at = now()
    where e.id = any(array(select id from due))
    returning e.id, e.aggregate_type, e.aggregate_id, e.event_type, e.payload, e.attempts,
      e.lease_owner, e.lease_expires_at, e.created_at
  )
  select id, aggregate_type, aggregate_id, event_type, payload, attempts, lease_owner, lease_expires_at, created_at
  from claimed
  order by created_at, id`;

/**
 * Takes up to `limit` due events and leases them to `owner`, oldest first, in one
 * statement, counting the attempt. Run it in its own short transaction: the lease, not a held row lock,
 * protects the event while it is being delivered.
 */
export async function claimDueEvents(em: EntityManager, options: ClaimOptions): Promise<ClaimedEvent[]> {
  const rows = await em.execute<ClaimedRow[]>(CLAIM_DUE_EVENTS, [options.limit, options.owner, options.leaseMs], 'all');
  return rows.map(toClaimedEvent);
}

function toClaimedEvent(row: ClaimedRow): ClaimedEvent {
  return {
    id: row.id,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    eventType: row.event_type,
    payload: row.payload,
    attempts: row.attempts,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: toDate(row.lease_expires_at),
    createdAt: toDate(row.created_at),
  };
}
