import type { EntityManager } from '@hub/db';

/** The hub's order tables an outbox delivery reports back to, each with an external id and number. */
export type SentOrderTable = 'transfer_orders' | 'external_orders';

/*
 * Only a pending order becomes sent: a replayed delivery must not pull an order that has
 * moved on (received, cancelled) back to sent. The other side's reference is stored either way.
 * The table name comes from the closed SentOrderTable union, never from input.
 */
const recordOrderSentSql = (table: SentOrderTable): string => `
  update ${table}
  set status = case when status = 'pending' then 'sent' else status end,
      external_id = ?,
      external_number = ?,
      updated_at = now()
  where id = ?::uuid
  returning id`;

/**
 * Stores the other side's id and number (1С's document number, МойСклад's name) on the hub's
 * order. False when the order does not exist.
 */
export async function recordOrderSent(
  em: EntityManager,
  table: SentOrderTable,
  orderId: string,
  external: { id: string; number: string },
): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(recordOrderSentSql(table), [external.id, external.number, orderId], 'all');
  return rows.length > 0;
}
