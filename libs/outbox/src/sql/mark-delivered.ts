import type { EntityManager } from '@hub/db';

/** A delivery to record: the event and the other side's reference to what it created. */
export interface DeliveredEvent {
  id: string;
  responseRef: string;
}

/*
 * One statement for a whole batch: the deliveries arrive as one jsonb array (MikroORM's
 * raw bindings expand JS arrays into lists, so a typed uuid[] cannot be bound directly).
 * The attempt was counted when the event was claimed.
 */
const MARK_DELIVERED = `
  update outbox_events e
  set status = 'delivered',
      delivered_at = now(),
      response_ref = d.response_ref,
      last_error = null,
      lease_owner = null,
      lease_expires_at = null,
      updated_at = now()
  from jsonb_to_recordset(?::jsonb) as d(id uuid, response_ref text)
  where e.id = d.id and e.status = 'in_flight' and e.lease_owner = ?
  returning e.id`;

/**
 * Records successful deliveries in one statement. Only the lease holder may do so: an
 * event whose lease ran out and was taken over by another replica is left alone. Returns
 * the ids that were marked.
 */
export async function markDeliveredMany(em: EntityManager, owner: string, deliveries: readonly DeliveredEvent[]): Promise<Set<string>> {
  if (deliveries.length === 0) return new Set();
  const records = deliveries.map((delivery) => ({ id: delivery.id, response_ref: delivery.responseRef }));
  const rows = await em.execute<{ id: string }[]>(MARK_DELIVERED, [JSON.stringify(records), owner], 'all');
  return new Set(rows.map((row) => row.id));
}

/** Records one successful delivery; false when `owner` no longer holds the lease. */
export async function markDelivered(em: EntityManager, id: string, owner: string, responseRef: string): Promise<boolean> {
  return (await markDeliveredMany(em, owner, [{ id, responseRef }])).has(id);
}
