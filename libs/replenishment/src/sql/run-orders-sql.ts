import type { EntityManager, OrderStatus, OutboxStatus } from '@hub/db';
import { EXTERNAL_ORDER, TRANSFER_ORDER } from '@hub/orders';
import type { ExplainedLine, WarehouseLabel } from '../run/plan-view';

/* Fragments shared by both order kinds: a warehouse as a label, an order's lines, its newest outbox event. */
const warehouseLabel = (alias: string) =>
  `jsonb_build_object('id', ${alias}.id, 'externalId', ${alias}.external_id, 'code', ${alias}.code, 'name', ${alias}.name)`;

const linesOf = (table: string, orderColumn: string) => `
  coalesce((
    select jsonb_agg(jsonb_build_object(
        'product', jsonb_build_object('id', p.id, 'externalId', p.external_id, 'sku', p.sku, 'name', p.name),
        'quantity', l.quantity, 'explanation', l.explanation) order by p.sku, l.id)
    from ${table} l join products p on p.id = l.product_id
    where l.${orderColumn} = o.id), '[]'::jsonb)`;

/* The newest event of the order's aggregate: the one whose delivery decides the order's fate. */
const OUTBOX_EVENT = `
  left join lateral (
    select jsonb_build_object('id', e.id, 'eventType', e.event_type, 'status', e.status, 'attempts', e.attempts,
      'lastError', e.last_error, 'nextAttemptAt', e.next_attempt_at, 'deliveredAt', e.delivered_at) as event
    from outbox_events e
    where e.aggregate_type = ?::text and e.aggregate_id = o.id
    order by e.created_at desc
    limit 1) e on true`;

const SELECT_TRANSFER_ORDERS = `
  select o.id, o.status, o.external_id as "externalId", o.external_number as "externalNumber",
    ${warehouseLabel('s')} as source, ${warehouseLabel('t')} as target,
    ${linesOf('transfer_order_lines', 'transfer_order_id')} as lines, e.event as "outboxEvent"
  from ${TRANSFER_ORDER.table} o
  join warehouses s on s.id = o.source_warehouse_id
  join warehouses t on t.id = o.target_warehouse_id
  ${OUTBOX_EVENT}
  where o.run_id = ?::uuid
  order by s.code, t.code, o.id`;

const SELECT_EXTERNAL_ORDERS = `
  select o.id, o.status, o.external_id as "externalId", o.external_number as "externalNumber",
    ${warehouseLabel('t')} as target,
    ${linesOf('external_order_lines', 'external_order_id')} as lines, e.event as "outboxEvent"
  from ${EXTERNAL_ORDER.table} o
  join warehouses t on t.id = o.target_warehouse_id
  ${OUTBOX_EVENT}
  where o.run_id = ?::uuid
  order by t.code, o.id`;

/** Where an order's delivery stands; timestamps as PostgreSQL writes them in JSON (ISO 8601). */
export interface OutboxEventState {
  id: string;
  eventType: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  deliveredAt: string | null;
}

interface RecordedOrder {
  id: string;
  status: OrderStatus;
  /** The other side's id and number once it accepted the order. */
  externalId: string | null;
  externalNumber: string | null;
  target: WarehouseLabel;
  lines: ExplainedLine[];
  /** Null only for an order written without its event, which one transaction rules out. */
  outboxEvent: OutboxEventState | null;
}

export type RecordedTransferOrder = RecordedOrder & { source: WarehouseLabel };
export type RecordedExternalOrder = RecordedOrder;

/** A recorded run's orders, each with its explained lines and its delivery state. */
export interface RunOrders {
  transferOrders: RecordedTransferOrder[];
  externalOrders: RecordedExternalOrder[];
}

export async function readRunOrders(em: EntityManager, runId: string): Promise<RunOrders> {
  const transferOrders = await em.execute<RecordedTransferOrder[]>(SELECT_TRANSFER_ORDERS, [TRANSFER_ORDER.aggregateType, runId], 'all');
  const externalOrders = await em.execute<RecordedExternalOrder[]>(SELECT_EXTERNAL_ORDERS, [EXTERNAL_ORDER.aggregateType, runId], 'all');
  return { transferOrders, externalOrders };
}
