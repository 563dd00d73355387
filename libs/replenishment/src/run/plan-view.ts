import type { LineExplanation, Plan, TargetNeed } from '../planner/types';
import { groupByTarget } from './write-orders';

/**
 * A warehouse as an operator reads it. `id` is the hub's id, null for a warehouse 1С lists
 * but the hub has not synced yet (a dry run reads 1С live); `externalId` is 1С's.
 */
export interface WarehouseLabel {
  id: string | null;
  externalId: string;
  code: string;
  name: string;
}

/** A product as an operator reads it; `id` and `externalId` as for WarehouseLabel. */
export interface ProductLabel {
  id: string | null;
  externalId: string;
  sku: string;
  name: string;
}

/** One line of an order with the numbers that produced it (as stored, for a recorded run). */
export interface ExplainedLine {
  product: ProductLabel;
  quantity: number;
  explanation: LineExplanation;
}

export interface NeedView {
  warehouse: WarehouseLabel;
  product: ProductLabel;
  explanation: TargetNeed['explanation'];
}

export interface TransferOrderView {
  source: WarehouseLabel;
  target: WarehouseLabel;
  lines: ExplainedLine[];
}

export interface ExternalOrderView {
  target: WarehouseLabel;
  lines: ExplainedLine[];
}

/** A plan in the words of the people who check it: codes, SKUs and names beside every id. */
export interface PlanView {
  needs: NeedView[];
  transferOrders: TransferOrderView[];
  externalOrders: ExternalOrderView[];
}

/** Labels every id of `plan` (whatever ids it was planned in) with `warehouse` and `product`. */
export function viewPlan(plan: Plan, warehouse: (id: string) => WarehouseLabel, product: (id: string) => ProductLabel): PlanView {
  return {
    needs: plan.needs.map((need) => ({ warehouse: warehouse(need.warehouseId), product: product(need.productId), explanation: need.explanation })),
    transferOrders: plan.transferOrders.map((order) => ({
      source: warehouse(order.sourceWarehouseId),
      target: warehouse(order.targetWarehouseId),
      lines: order.lines.map((line) => ({ product: product(line.productId), quantity: line.quantity, explanation: line.explanation })),
    })),
    externalOrders: [...groupByTarget(plan.uncovered)].map(([targetId, lines]) => ({
      target: warehouse(targetId),
      lines: lines.map((line) => ({ product: product(line.productId), quantity: line.quantity, explanation: line.explanation })),
    })),
  };
}
