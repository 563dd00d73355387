import type { EntityManager, TransferOrderStatus } from '@hub/db';
import type { OpenQuantity, PlanningInput, PlanningRule, PlanningStock } from '../planner/types';

/** Statuses after which an order no longer moves anything: it arrived or never will. */
export const CLOSED_TRANSFER_ORDER_STATUSES = ['received', 'cancelled'] as const satisfies readonly TransferOrderStatus[];

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
 * What the hub's own open transfer orders still bring to each target (inbound, step 1)
 * and take from each donor (outbound, not surplus any more). Counting both is what keeps
 * a second run from ordering the same goods, or giving the same donor stock, again.
 */
const SELECT_INBOUND = `
  select o.target_warehouse_id as "warehouseId", l.product_id as "productId", sum(l.quantity)::integer as quantity
  from transfer_orders o
  join transfer_order_lines l on l.transfer_order_id = o.id
  where not (o.status = any (array(select jsonb_array_elements_text(?::jsonb))))
  group by o.target_warehouse_id, l.product_id`;

const SELECT_OUTBOUND = `
  select o.source_warehouse_id as "warehouseId", l.product_id as "productId", sum(l.quantity)::integer as quantity
  from transfer_orders o
  join transfer_order_lines l on l.transfer_order_id = o.id
  where not (o.status = any (array(select jsonb_array_elements_text(?::jsonb))))
  group by o.source_warehouse_id, l.product_id`;

const CLOSED = JSON.stringify(CLOSED_TRANSFER_ORDER_STATUSES);

/** Reads everything the planner needs for one run, with stock from the run's own snapshot. */
export async function readPlanningInput(em: EntityManager, runId: string, targetWarehouseId: string | null): Promise<PlanningInput> {
  const warehouses = await em.execute<{ id: string }[]>(SELECT_WAREHOUSE_IDS, [], 'all');
  const rules = await em.execute<PlanningRule[]>(SELECT_RULES, [], 'all');
  const stock = await em.execute<PlanningStock[]>(SELECT_RUN_STOCK, [runId], 'all');
  const inbound = await em.execute<OpenQuantity[]>(SELECT_INBOUND, [CLOSED], 'all');
  const outbound = await em.execute<OpenQuantity[]>(SELECT_OUTBOUND, [CLOSED], 'all');
  return { warehouseIds: warehouses.map((w) => w.id), rules, stock, inbound, outbound, targetWarehouseId };
}

/** Arbitrary but fixed, next to the migrations' key: every process takes this one to plan. */
const PLANNING_LOCK_KEY = 7_261_000_002;

const LOCK_PLANNING = `select pg_advisory_xact_lock(?::bigint)`;

/**
 * Serialises planning across every process (API and scheduler replicas) until the
 * caller's transaction ends: a run reads inbound only after the previous run's orders
 * are committed, so two runs at once cannot order the same goods twice.
 */
export async function lockPlanning(em: EntityManager): Promise<void> {
  await em.execute(LOCK_PLANNING, [PLANNING_LOCK_KEY], 'run');
}
