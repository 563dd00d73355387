import type { PlanningInput } from '../planner/types';
import type { OpenOrders } from './open-orders';
import type { PlanningSnapshot } from './planning-snapshot';

/**
 * The planner's input from a snapshot and the open orders, in 1С's ids: the same for a run
 * and a dry run, so a dry run shows exactly what a run at that moment would order.
 * `targetWarehouseId` is 1С's id of the one warehouse to plan for; null plans every
 * warehouse with norms. Every warehouse 1С lists may give.
 */
export function planningInput(snapshot: PlanningSnapshot, open: OpenOrders, targetWarehouseId: string | null): PlanningInput {
  return {
    warehouseIds: snapshot.warehouses.map((warehouse) => warehouse.id),
    rules: snapshot.rules,
    stock: snapshot.stock.rows,
    inbound: open.inbound,
    outbound: open.outbound,
    targetWarehouseId,
  };
}
