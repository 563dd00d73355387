import type { EntityManager } from '@hub/db';

const MARK_DELIVERED = `
  update outbox_events
  set status = 'delivered',
      delivered_at = now(),
      response_ref = ?,
      attempts = attempts + 1,
      last_error = null,
      lease_owner = null,
      lease_expires_at = null,
      updated_at = now()
  where id = ?::uuid and status = 'in_flight' and lease_owner = ?
  returning id`;

/**
 * Records a successful delivery. Only the lease holder may do so: when the lease ran
 * out and another replica took the event over, this changes nothing and returns false.
 */
export async function markDelivered(em: EntityManager, id: string, owner: string, responseRef: string): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(MARK_DELIVERED, [responseRef, id, owner], 'all');
  return rows.length > 0;
}
