import { lockForTransaction, type EntityManager, type ExternalOrderStatus, type TransferOrderStatus } from '@hub/db';
import type { OpenQuantity, PlanningInput, PlanningRule, PlanningStock } from '../planner/types';

/**
 * Statuses in which an order still moves goods: written (pending) or accepted downstream
 * (sent) and not yet received. Received, cancelled and failed (its event went dead, the
 * other side never got it) orders move nothing, so they are neither inbound nor outbound.
 */
export const OPEN_TRANSFER_ORDER_STATUSES = ['pending', 'sent'] as const satisfies readonly TransferOrderStatus[];
export const OPEN_EXTERNAL_ORDER_STATUSES = ['pending', 'sent'] as const satisfies readonly ExternalOrderStatus[];

const SELECT_WAREHOUSE_IDS = `select id from warehouses order by id`;

const SELECT_RULES = `
  select warehouse_id as "warehouseId", product_id as "productId",
    min_qty as "min", max_qty as "max", multiple
  from replenishment_rules`;

const SELECT_RUN_STOCK = `
  select warehouse_id as "warehouseId", product_id as "productId", on_hand as "onHand", reserved
  from stock_snapshots
  where run_id = ?::uuid`;

/*
 * What open orders still bring to each target (inbound, step 1): the hub's own transfer
 * orders and its outside orders. Counting both is what keeps a second run from ordering
 * the same goods again. Rows carry hub and 1С ids: a real run plans in hub ids, a dry run
 * (which writes nothing, not even the catalogue) in 1С's. Parameters: transfer statuses,
 * external statuses, transfer order ids to leave out (1С already closed them).
 */
const SELECT_INBOUND = `
  select x.warehouse_id as "warehouseId", w.external_id as "warehouseExternalId",
    x.product_id as "productId", p.external_id as "productExternalId", sum(x.quantity)::integer as quantity
  from (
    select o.target_warehouse_id as warehouse_id, l.product_id, l.quantity
    from transfer_orders o join transfer_order_lines l on l.transfer_order_id = o.id
    where o.status = any (?::text[]) and not (o.id = any (?::uuid[]))
    union all
    select o.target_warehouse_id, l.product_id, l.quantity
    from external_orders o join external_order_lines l on l.external_order_id = o.id
    where o.status = any (?::text[])
  ) x
  join warehouses w on w.id = x.warehouse_id
  join products p on p.id = x.product_id
  group by x.warehouse_id, w.external_id, x.product_id, p.external_id`;

/* What open transfer orders still take from each donor: already promised, not surplus any more. */
const SELECT_OUTBOUND = `
  select o.source_warehouse_id as "warehouseId", w.external_id as "warehouseExternalId",
    l.product_id as "productId", p.external_id as "productExternalId", sum(l.quantity)::integer as quantity
  from transfer_orders o
  join transfer_order_lines l on l.transfer_order_id = o.id
  join warehouses w on w.id = o.source_warehouse_id
  join products p on p.id = l.product_id
  where o.status = any (?::text[]) and not (o.id = any (?::uuid[]))
  group by o.source_warehouse_id, w.external_id, l.product_id, p.external_id`;

/** An open quantity under both names of its warehouse and product. */
export interface OpenQuantityRow extends OpenQuantity {
  warehouseExternalId: string;
  productExternalId: string;
}

export interface OpenQuantities {
  inbound: OpenQuantityRow[];
  outbound: OpenQuantityRow[];
}

/* Arrays travel as one literal each: the driver would expand a JS array into a list of placeholders. */
const toArrayLiteral = (values: readonly string[]): string => `{${values.join(',')}}`;
const OPEN_TRANSFERS = toArrayLiteral(OPEN_TRANSFER_ORDER_STATUSES);
const OPEN_EXTERNALS = toArrayLiteral(OPEN_EXTERNAL_ORDER_STATUSES);

/**
 * Inbound and outbound of every open order. `closedTransferOrderIds` (hub uuids) are
 * left out: a dry run's answer from 1С that they were received or cancelled.
 */
export async function readOpenQuantities(em: EntityManager, closedTransferOrderIds: readonly string[] = []): Promise<OpenQuantities> {
  const closed = toArrayLiteral(closedTransferOrderIds);
  const inbound = await em.execute<OpenQuantityRow[]>(SELECT_INBOUND, [OPEN_TRANSFERS, closed, OPEN_EXTERNALS], 'all');
  const outbound = await em.execute<OpenQuantityRow[]>(SELECT_OUTBOUND, [OPEN_TRANSFERS, closed], 'all');
  return { inbound, outbound };
}

/** Reads everything the planner needs for one run, with stock from the run's own snapshot. */
export async function readPlanningInput(em: EntityManager, runId: string, targetWarehouseId: string | null): Promise<PlanningInput> {
  const warehouses = await em.execute<{ id: string }[]>(SELECT_WAREHOUSE_IDS, [], 'all');
  const rules = await em.execute<PlanningRule[]>(SELECT_RULES, [], 'all');
  const stock = await em.execute<PlanningStock[]>(SELECT_RUN_STOCK, [runId], 'all');
  const hubIds = ({ warehouseId, productId, quantity }: OpenQuantityRow): OpenQuantity => ({ warehouseId, productId, quantity });
  const open = await readOpenQuantities(em);
  return {
    warehouseIds: warehouses.map((w) => w.id),
    rules,
    stock,
    inbound: open.inbound.map(hubIds),
    outbound: open.outbound.map(hubIds),
    targetWarehouseId,
  };
}

/**
 * Serialises planning across every process (API and scheduler replicas) until the
 * caller's transaction ends: a run reads inbound only after the previous run's orders
 * are committed, so two runs at once cannot order the same goods twice.
 */
export async function lockPlanning(em: EntityManager): Promise<void> {
  await lockForTransaction(em, 'planning');
}
