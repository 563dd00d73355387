import { sqlArray, type EntityManager } from '@hub/db';
import { EXTERNAL_ORDER, OPEN_ORDER_STATUSES, TRANSFER_ORDER } from '@hub/orders';
import type { OpenQuantity } from '../planner/types';
import type { PlanningSnapshot } from './planning-snapshot';
import { closedOrderIds } from './sent-orders';

/*
 * What open orders still bring to each target (inbound, step 1): the hub's own transfer
 * orders and its outside orders. Counting both is what keeps a second run from ordering the
 * same goods again. In 1С's ids, as the planner plans. Parameters: open statuses, transfer
 * orders to leave out (1С closed them), open statuses.
 */
const SELECT_INBOUND = `
  select w.external_id as "warehouseId", p.external_id as "productId", sum(x.quantity)::integer as quantity
  from (
    select o.target_warehouse_id as warehouse_id, l.product_id, l.quantity
    from ${TRANSFER_ORDER.table} o join transfer_order_lines l on l.transfer_order_id = o.id
    where o.status = any (?::text[]) and not (o.id = any (?::uuid[]))
    union all
    select o.target_warehouse_id, l.product_id, l.quantity
    from ${EXTERNAL_ORDER.table} o join external_order_lines l on l.external_order_id = o.id
    where o.status = any (?::text[])
  ) x
  join warehouses w on w.id = x.warehouse_id
  join products p on p.id = x.product_id
  group by w.external_id, p.external_id`;

/* What open transfer orders still take from each donor: already promised, not surplus any more. */
const SELECT_OUTBOUND = `
  select w.external_id as "warehouseId", p.external_id as "productId", sum(l.quantity)::integer as quantity
  from ${TRANSFER_ORDER.table} o
  join transfer_order_lines l on l.transfer_order_id = o.id
  join warehouses w on w.id = o.source_warehouse_id
  join products p on p.id = l.product_id
  where o.status = any (?::text[]) and not (o.id = any (?::uuid[]))
  group by w.external_id, p.external_id`;

/** Quantities of open orders on their way to (inbound) and promised from (outbound) each warehouse. */
export interface OpenOrders {
  inbound: OpenQuantity[];
  outbound: OpenQuantity[];
}

const OPEN = sqlArray(OPEN_ORDER_STATUSES);

/**
 * The hub's open orders of every kind, leaving out the transfer orders the snapshot found
 * received or cancelled in 1С (a dry run has not recorded that; a run has, and they are no
 * longer open anyway). Read them last, after the snapshot; a run reads them under the
 * planning lock, so every committed run's orders are among them.
 */
export async function readOpenOrders(em: EntityManager, snapshot: Pick<PlanningSnapshot, 'sentOrders'>): Promise<OpenOrders> {
  const closed = sqlArray(closedOrderIds(snapshot.sentOrders));
  const inbound = await em.execute<OpenQuantity[]>(SELECT_INBOUND, [OPEN, closed, OPEN], 'all');
  const outbound = await em.execute<OpenQuantity[]>(SELECT_OUTBOUND, [OPEN, closed], 'all');
  return { inbound, outbound };
}
