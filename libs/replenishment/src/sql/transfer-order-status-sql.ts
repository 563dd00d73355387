import type { EntityManager, TransferOrderStatus } from '@hub/db';

/* 'sent' is the only status 1С can still move on: the outbox stored 1С's id with it. */
const SELECT_SENT_TRANSFER_ORDERS = `
  select id, external_id as "externalId", external_number as "externalNumber"
  from transfer_orders
  where status = 'sent' and external_id is not null
  order by created_at, id`;

/*
 * One statement per closing status for the whole batch. The ids travel as one uuid[]
 * literal: the driver would expand a JS array into a list of placeholders. Only a row
 * still 'sent' changes: one that moved on meanwhile (another run reconciled it) keeps
 * what was recorded.
 */
const CLOSE_SENT_TRANSFER_ORDERS = `
  update transfer_orders o
  set status = ?::text, updated_at = now()
  from unnest(?::uuid[]) as closing(id)
  where o.id = closing.id and o.status = 'sent'
  returning o.id`;

/* Hub ids are uuids read from transfer_orders: no element needs quoting in the literal. */
const toUuidArrayLiteral = (ids: readonly string[]): string => `{${ids.join(',')}}`;

/** A hub transfer order 1С has accepted, with 1С's reference to it. */
export interface SentTransferOrder {
  id: string;
  externalId: string;
  externalNumber: string | null;
}

/** A status 1С can close a sent order with; after it the order counts neither as inbound nor as outbound. */
export type ClosedTransferOrderStatus = Extract<TransferOrderStatus, 'received' | 'cancelled'>;

/** Every hub transfer order in status 'sent', oldest first. */
export async function selectSentTransferOrders(em: EntityManager): Promise<SentTransferOrder[]> {
  return em.execute<SentTransferOrder[]>(SELECT_SENT_TRANSFER_ORDERS, [], 'all');
}

/** Moves the given 'sent' orders to `status`; returns how many actually changed. */
export async function closeSentTransferOrders(em: EntityManager, status: ClosedTransferOrderStatus, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await em.execute<{ id: string }[]>(CLOSE_SENT_TRANSFER_ORDERS, [status, toUuidArrayLiteral(ids)], 'all');
  return rows.length;
}
