import type { EntityManager } from '@hub/db';

/*
 * Only a pending order becomes sent: a replayed delivery must not pull an order that
 * has moved on (received, cancelled) back to sent. The 1С reference is stored either way.
 */
const RECORD_TRANSFER_ORDER_SENT = `
  update transfer_orders
  set status = case when status = 'pending' then 'sent' else status end,
      external_id = ?,
      external_number = ?,
      updated_at = now()
  where id = ?::uuid
  returning id`;

/** Stores 1С's id and number on the hub's transfer order. False when the order does not exist. */
export async function recordTransferOrderSent(
  em: EntityManager,
  orderId: string,
  external: { id: string; number: string },
): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(RECORD_TRANSFER_ORDER_SENT, [external.id, external.number, orderId], 'all');
  return rows.length > 0;
}
