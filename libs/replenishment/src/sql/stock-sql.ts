import { executeBound, sqlColumns, type EntityManager } from '@hub/db';
import type { PlanningStock } from '../planner/types';

/* Rows arrive one per (warehouse, product), summed already (readPlanningSnapshot), in 1С's ids. */
const INSERT_STOCK_SNAPSHOTS = `
  insert into stock_snapshots (run_id, warehouse_id, product_id, on_hand, reserved)
  select ?::uuid, w.id, p.id, x.on_hand, x.reserved
  from unnest(?::text[], ?::text[], ?::integer[], ?::integer[]) as x(warehouse_external_id, product_external_id, on_hand, reserved)
  join warehouses w on w.external_id = x.warehouse_external_id
  join products p on p.external_id = x.product_external_id`;

/** Stores the stock 1С reported for a run; returns how many snapshot rows were written. */
export async function insertStockSnapshots(em: EntityManager, runId: string, rows: readonly PlanningStock[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = sqlColumns(rows, ['warehouseId', 'productId', 'onHand', 'reserved']);
  return executeBound(em, INSERT_STOCK_SNAPSHOTS, [runId, ...columns]);
}
