import { executeBound, queryBound, sqlColumns, type EntityManager } from '@hub/db';
import { groupByAggregateType, notifyDead, type AggregateHookRegistry, type SettledAggregate } from '../aggregate-hooks';
import type { DeliveryReceipt } from '../dispatcher';
import { MissingAggregateError } from '../errors';

/** A delivery to record: the event and what the other side answered. */
export interface DeliveredEvent {
  id: string;
  receipt: DeliveryReceipt;
}

/** What became of a batch of deliveries once recorded. */
export interface RecordedDeliveries {
  /** Marked delivered, and their aggregates told. */
  delivered: Set<string>;
  /** Delivered, but the row they describe is gone: dead instead, with the message stored. */
  missing: Map<string, string>;
}

/*
 * One statement for a whole batch. Only the lease holder may record a delivery: an event
 * whose lease ran out and was taken over by another replica is left alone. The attempt was
 * counted when the event was claimed.
 */
export const MARK_DELIVERED = `
  update outbox_events e
  set status = 'delivered',
      delivered_at = now(),
      response_ref = d.response_ref,
      last_error = null,
      lease_owner = null,
      lease_expires_at = null,
      updated_at = now()
  from unnest(?::uuid[], ?::text[]) as d(id, response_ref)
  where e.id = d.id and e.status = 'in_flight' and e.lease_owner = ?
  returning e.id, e.aggregate_type, e.aggregate_id, e.response_ref`;

/* A delivered event whose aggregate is gone: nothing can record the delivery, so an operator must look. */
const MARK_AGGREGATE_MISSING = `
  update outbox_events e
  set status = 'dead', delivered_at = null, last_error = m.last_error, updated_at = now()
  from unnest(?::uuid[], ?::text[]) as m(id, last_error)
  where e.id = m.id`;

type MarkedRow = SettledAggregate & { id: string; response_ref: string };

/**
 * Records successful deliveries in one transaction: the events become delivered and each
 * aggregate type's `delivered` hook records what the other side answered, together or not
 * at all. An event whose aggregate the hook no longer finds is made dead instead, naming it.
 */
export async function markDeliveredMany(
  em: EntityManager,
  owner: string,
  deliveries: readonly DeliveredEvent[],
  hooks: AggregateHookRegistry,
): Promise<RecordedDeliveries> {
  const recorded: RecordedDeliveries = { delivered: new Set(), missing: new Map() };
  if (deliveries.length === 0) return recorded;
  const receipts = new Map(deliveries.map((delivery) => [delivery.id, delivery.receipt]));
  const columns = sqlColumns(
    deliveries.map((delivery) => ({ id: delivery.id, responseRef: delivery.receipt.responseRef })),
    ['id', 'responseRef'],
  );
  return em.transactional(async (tx) => {
    const marked = await queryBound<MarkedRow>(tx, MARK_DELIVERED, [...columns, owner]);
    const gone: MarkedRow[] = [];
    for (const [type, rows] of groupByAggregateType(marked)) {
      const delivered = hooks[type]?.delivered;
      if (!delivered) continue;
      const missing = await delivered(
        tx,
        rows.map((row) => ({ eventId: row.id, aggregateId: row.aggregate_id, receipt: receipts.get(row.id)! })),
      );
      gone.push(...rows.filter((row) => missing.has(row.id)));
    }
    for (const row of gone) {
      recorded.missing.set(row.id, new MissingAggregateError(row.id, row.aggregate_type, row.aggregate_id, row.response_ref).message);
    }
    if (gone.length > 0) {
      await executeBound(
        tx,
        MARK_AGGREGATE_MISSING,
        sqlColumns(
          gone.map((row) => ({ id: row.id, error: recorded.missing.get(row.id)! })),
          ['id', 'error'],
        ),
      );
      await notifyDead(tx, hooks, gone);
    }
    for (const row of marked) if (!recorded.missing.has(row.id)) recorded.delivered.add(row.id);
    return recorded;
  });
}
