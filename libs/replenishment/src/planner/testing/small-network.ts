/** Test support: a four-warehouse network with readable ids, and the plan as plain moves. */
import type { Plan, PlanningInput, PlanningRule, PlanningStock } from '../types';

// Readable stand-ins for hub uuids; the planner only compares them.
export const [MAIN, NORTH, SOUTH, EAST] = ['w1-main', 'w2-north', 'w3-south', 'w4-east'] as const;
export const [NAILS, GLUE] = ['p1-nails', 'p2-glue'] as const;

export const rule = (warehouseId: string, productId: string, min: number, max: number, multiple = 1): PlanningRule => ({
  warehouseId,
  productId,
  min,
  max,
  multiple,
});
export const stock = (warehouseId: string, productId: string, onHand: number, reserved = 0): PlanningStock => ({
  warehouseId,
  productId,
  onHand,
  reserved,
});
export const network = (parts: Partial<PlanningInput>): PlanningInput => ({
  warehouseIds: [MAIN, NORTH, SOUTH, EAST],
  rules: [],
  stock: [],
  inbound: [],
  outbound: [],
  ...parts,
});
export const moved = (plan: Plan) =>
  plan.transferOrders.flatMap((o) => o.lines.map((l) => ({ from: o.sourceWarehouseId, to: o.targetWarehouseId, product: l.productId, quantity: l.quantity })));
