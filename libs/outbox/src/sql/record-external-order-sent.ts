import type { EntityManager } from '@hub/db';

/*
 * Only a pending order becomes sent: a repeated delivery must not pull an order that has
 * moved on (received, cancelled) back to sent. МойСклад's id and number are stored either way.
 */
const RECORD_EXTERNAL_ORDER_SENT = `
  update external_orders
  set status = case when status = 'pending' then 'sent' else status end,
      external_id = ?,
      external_number = ?,
      updated_at = now()
  where id = ?::uuid
  returning id`;

/** Stores МойСклад's id and name (its number) on the hub's outside order. False when the order does not exist. */
export async function recordExternalOrderSent(
  em: EntityManager,
  orderId: string,
  external: { id: string; name: string },
): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(RECORD_EXTERNAL_ORDER_SENT, [external.id, external.name, orderId], 'all');
  return rows.length > 0;
}
