import { allocateProduct, type Allocation } from './allocate';
import { computeNeed, computePosition, computeSurplus } from './position';
import type { LineExplanation, OpenQuantity, Plan, PlannedTransferOrder, PlanningInput, PlanningRule, TargetNeed, UncoveredLine } from './types';

const key = (warehouseId: string, productId: string): string => `${warehouseId}\u0000${productId}`;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * DESIGN "Algorithm 1", steps 1–3 and 5: find every target product below its min,
 * cover its need from the other own warehouses' surplus, group the moves into one
 * transfer order per (donor, target) and report what no donor could cover.
 * Pure: the same input (in any order) gives the same plan.
 */
export function planTransfers(input: PlanningInput): Plan {
  const stock = new Map(input.stock.map((s) => [key(s.warehouseId, s.productId), s]));
  const inbound = sumByKey(input.inbound);
  const outbound = sumByKey(input.outbound);
  const ownMin = new Map(input.rules.map((r) => [key(r.warehouseId, r.productId), r.min]));
  const warehouseIds = [...new Set(input.warehouseIds)].sort(compare);

  const needs = targetRules(input).flatMap((rule): TargetNeed[] => {
    const k = key(rule.warehouseId, rule.productId);
    const { onHand = 0, reserved = 0 } = stock.get(k) ?? {};
    const inboundQty = inbound.get(k) ?? 0;
    const position = computePosition(onHand, reserved, inboundQty);
    const need = computeNeed(position, rule);
    if (need <= 0) return [];
    const explanation = { onHand, reserved, inbound: inboundQty, position, min: rule.min, max: rule.max, multiple: rule.multiple, need };
    return [{ warehouseId: rule.warehouseId, productId: rule.productId, explanation }];
  });

  const orders = new Map<string, PlannedTransferOrder>();
  const uncovered: UncoveredLine[] = [];
  for (const [productId, productNeeds] of groupByProduct(needs)) {
    const surpluses = warehouseIds.map((warehouseId) => {
      const { onHand = 0, reserved = 0 } = stock.get(key(warehouseId, productId)) ?? {};
      // A donor without a rule for the product keeps nothing back (min 0).
      const k = key(warehouseId, productId);
      return { warehouseId, surplus: computeSurplus(onHand, reserved, outbound.get(k) ?? 0, ownMin.get(k) ?? 0) };
    });
    const needFor = new Map(productNeeds.map((n) => [n.warehouseId, n]));
    const result = allocateProduct(
      productNeeds.map((n) => ({ warehouseId: n.warehouseId, need: n.explanation.need })),
      surpluses,
    );
    for (const allocation of result.allocations) {
      addLine(orders, productId, allocation, explain(needFor.get(allocation.targetWarehouseId), allocation.donorSurplus, allocation.quantity));
    }
    for (const [warehouseId, quantity] of result.uncovered) {
      uncovered.push({ warehouseId, productId, quantity, explanation: explain(needFor.get(warehouseId), 0, quantity) });
    }
  }

  const transferOrders = [...orders.values()].sort(
    (a, b) => compare(a.sourceWarehouseId, b.sourceWarehouseId) || compare(a.targetWarehouseId, b.targetWarehouseId),
  );
  for (const order of transferOrders) order.lines.sort((a, b) => compare(a.productId, b.productId));
  uncovered.sort((a, b) => compare(a.warehouseId, b.warehouseId) || compare(a.productId, b.productId));
  return { needs, transferOrders, uncovered };
}

/** The rules to plan, one per (warehouse, product), in (product, warehouse) order. */
function targetRules(input: PlanningInput): PlanningRule[] {
  const target = input.targetWarehouseId ?? null;
  const unique = new Map<string, PlanningRule>();
  for (const rule of input.rules) {
    if (target === null || rule.warehouseId === target) unique.set(key(rule.warehouseId, rule.productId), rule);
  }
  return [...unique.values()].sort((a, b) => compare(a.productId, b.productId) || compare(a.warehouseId, b.warehouseId));
}

function sumByKey(rows: readonly OpenQuantity[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const k = key(row.warehouseId, row.productId);
    sums.set(k, (sums.get(k) ?? 0) + row.quantity);
  }
  return sums;
}

function groupByProduct(needs: readonly TargetNeed[]): Map<string, TargetNeed[]> {
  const groups = new Map<string, TargetNeed[]>();
  for (const need of needs) groups.set(need.productId, [...(groups.get(need.productId) ?? []), need]);
  return groups;
}

function explain(need: TargetNeed | undefined, donorSurplus: number, allocated: number): LineExplanation {
  // allocateProduct only returns targets it was given, so the need is always there.
  if (!need) throw new Error('planTransfers: an allocation refers to a target without a need');
  return { ...need.explanation, donorSurplus, allocated };
}

function addLine(orders: Map<string, PlannedTransferOrder>, productId: string, allocation: Allocation, explanation: LineExplanation): void {
  const k = key(allocation.sourceWarehouseId, allocation.targetWarehouseId);
  const order = orders.get(k) ?? { sourceWarehouseId: allocation.sourceWarehouseId, targetWarehouseId: allocation.targetWarehouseId, lines: [] };
  order.lines.push({ productId, quantity: allocation.quantity, explanation });
  orders.set(k, order);
}
