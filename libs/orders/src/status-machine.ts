import { sqlArray, sqlColumns, type EntityManager, type OrderStatus } from '@hub/db';
import type { OrderKind } from './order-kind';
import type { SentDocument } from './sent-document';

/**
 * Every change of an order's status, of every kind, and who makes it. Nothing else in the
 * hub writes `status` of an order table; each transition is one statement below.
 *
 * | from    | to                  | when                                                      | by                               |
 * |---------|---------------------|-----------------------------------------------------------|----------------------------------|
 * | —       | pending             | a run writes the order with its outbox event               | the kind's `write…` (a run)      |
 * | pending | sent                | the other side accepted its document                       | outbox `delivered` hook          |
 * | pending | failed              | its event went dead: no retry will deliver it               | outbox `dead` hook               |
 * | failed  | pending             | an operator retried the dead event                          | outbox `retried` hook            |
 * | sent    | received, cancelled | 1С says the transfer arrived or was called off              | reconciliation at a run's start  |
 */
export const ORDER_TRANSITIONS = [
  { from: 'pending', to: 'sent', by: 'delivery' },
  { from: 'pending', to: 'failed', by: 'dead event' },
  { from: 'failed', to: 'pending', by: 'manual retry' },
  { from: 'sent', to: 'received', by: 'reconciliation' },
  { from: 'sent', to: 'cancelled', by: 'reconciliation' },
] as const satisfies ReadonlyArray<{ from: OrderStatus; to: OrderStatus; by: string }>;

/**
 * Statuses in which an order still moves goods: written (pending) or accepted downstream
 * (sent) and not yet received. Received, cancelled and failed orders move nothing, so they
 * count neither as inbound nor as outbound.
 */
export const OPEN_ORDER_STATUSES = ['pending', 'sent'] as const satisfies readonly OrderStatus[];

/** How reconciliation closes a sent order. */
export type ClosedOrderStatus = Extract<OrderStatus, 'received' | 'cancelled'>;

/** A hub order the other side has accepted, with its reference to it. */
export interface SentOrder {
  id: string;
  externalId: string;
  externalNumber: string | null;
}

/*
 * The table comes from the closed list of kinds (its entity's name), never from input.
 * Only a pending order becomes sent: a replayed delivery must not pull an order that has
 * moved on (received, cancelled) back to sent. The other side's reference is stored either way.
 */
const RECORD_SENT = (table: string) => `
  update ${table} o
  set status = case when o.status = 'pending' then 'sent' else o.status end,
      external_id = d.external_id, external_number = d.external_number, updated_at = now()
  from unnest(?::uuid[], ?::text[], ?::text[]) as d(id, external_id, external_number)
  where o.id = d.id
  returning o.id`;

const MOVE = (table: string) => `
  update ${table} o set status = ?::text, updated_at = now()
  where o.id = any(?::uuid[]) and o.status = ?::text
  returning o.id`;

/* 'sent' with the other side's id: the only orders reconciliation can ask about. */
const SELECT_SENT = (table: string) => `
  select id, external_id as "externalId", external_number as "externalNumber"
  from ${table}
  where status = 'sent' and external_id is not null
  order by created_at, id`;

async function move(tx: EntityManager, kind: OrderKind, ids: readonly string[], from: OrderStatus, to: OrderStatus): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.execute<{ id: string }[]>(MOVE(kind.table), [to, sqlArray(ids), from], 'all');
  return rows.map((row) => row.id);
}

/** pending → sent, storing what the other side created. Resolves the ids of the orders that exist. */
export async function recordSent(tx: EntityManager, kind: OrderKind, sent: ReadonlyArray<{ orderId: string; document: SentDocument }>): Promise<Set<string>> {
  if (sent.length === 0) return new Set();
  const columns = sqlColumns(
    sent.map(({ orderId, document }) => ({ orderId, id: document.id, number: document.number })),
    ['orderId', 'id', 'number'],
  );
  const rows = await tx.execute<{ id: string }[]>(RECORD_SENT(kind.table), columns, 'all');
  return new Set(rows.map((row) => row.id));
}

/**
 * pending → failed: the order's event is dead, so it must stop counting as inbound, or the
 * planner would wait for it forever. An order the other side already has keeps its status.
 */
export function failPending(tx: EntityManager, kind: OrderKind, orderIds: readonly string[]): Promise<string[]> {
  return move(tx, kind, orderIds, 'pending', 'failed');
}

/** failed → pending: its dead event was retried by hand. Resolves the orders that changed. */
export function reopenFailed(tx: EntityManager, kind: OrderKind, orderIds: readonly string[]): Promise<string[]> {
  return move(tx, kind, orderIds, 'failed', 'pending');
}

/**
 * sent → received or cancelled, as the other side reports. Only an order still sent
 * changes (another run may have closed it meanwhile); resolves how many did.
 */
export async function closeSent(tx: EntityManager, kind: OrderKind, status: ClosedOrderStatus, orderIds: readonly string[]): Promise<number> {
  return (await move(tx, kind, orderIds, 'sent', status)).length;
}

/** Every order of `kind` in status 'sent', oldest first. */
export function selectSent(em: EntityManager, kind: OrderKind): Promise<SentOrder[]> {
  return em.execute<SentOrder[]>(SELECT_SENT(kind.table), [], 'all');
}
