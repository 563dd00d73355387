import { allocateProduct, type Allocation, type ProductSurplus } from './allocate';
import { indexByProduct, lookup, sumByProduct, type ByProduct } from './by-product';
import { computeNeed, computePosition, computeSurplus } from './position';
import type { LineExplanation, Plan, PlannedTransferOrder, PlanningInput, PlanningRule, PlanningStock, TargetNeed, UncoveredLine } from './types';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * DESIGN "Algorithm 1", steps 1–3 and 5: find every target product below its min,
 * cover its need from the other own warehouses' surplus, group the moves into one
 * transfer order per (donor, target) and report what no donor could cover.
 * Pure: the same input (in any order) gives the same plan.
 */
export function planTransfers(input: PlanningInput): Plan {
  const stock = indexByProduct(input.stock);
  const rules = indexByProduct(input.rules);
  const inbound = sumByProduct(input.inbound);
  const outbound = sumByProduct(input.outbound);
  const needs = findNeeds(targetRules(input), stock, inbound);
  const donors = new Set(input.warehouseIds);

  const orders = new Map<string, PlannedTransferOrder>();
  const uncovered: UncoveredLine[] = [];
  for (const [productId, productNeeds] of groupByProduct(needs)) {
    // Only a warehouse holding the product can give it; one without a rule keeps nothing back (min 0).
    const surpluses: ProductSurplus[] = [];
    for (const [warehouseId, held] of stock.get(productId) ?? []) {
      if (!donors.has(warehouseId)) continue;
      const ownMin = lookup(rules, productId, warehouseId)?.min ?? 0;
      const promised = lookup(outbound, productId, warehouseId) ?? 0;
      surpluses.push({ warehouseId, surplus: computeSurplus(held.onHand, held.reserved, promised, ownMin) });
    }
    const needFor = new Map(productNeeds.map((n) => [n.warehouseId, n]));
    const result = allocateProduct(productNeeds.map((n) => ({ warehouseId: n.warehouseId, need: n.explanation.need })), surpluses);
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

/** The rules to plan: all of them, or the target's. */
function targetRules(input: PlanningInput): readonly PlanningRule[] {
  const target = input.targetWarehouseId ?? null;
  return target === null ? input.rules : input.rules.filter((rule) => rule.warehouseId === target);
}

/** Steps 1–2 for every rule: the (target, product) pairs below min, in (product, warehouse) order. */
function findNeeds(rules: readonly PlanningRule[], stock: ByProduct<PlanningStock>, inbound: ByProduct<number>): TargetNeed[] {
  const needs: TargetNeed[] = [];
  for (const rule of rules) {
    const { onHand = 0, reserved = 0 } = lookup(stock, rule.productId, rule.warehouseId) ?? {};
    const arriving = lookup(inbound, rule.productId, rule.warehouseId) ?? 0;
    const position = computePosition(onHand, reserved, arriving);
    const need = computeNeed(position, rule);
    if (need <= 0) continue;
    const explanation = { onHand, reserved, inbound: arriving, position, min: rule.min, max: rule.max, multiple: rule.multiple, need };
    needs.push({ warehouseId: rule.warehouseId, productId: rule.productId, explanation });
  }
  // Sorting the few needs rather than all rules keeps a network of a million rules fast.
  return needs.sort((a, b) => compare(a.productId, b.productId) || compare(a.warehouseId, b.warehouseId));
}

function groupByProduct(needs: readonly TargetNeed[]): Map<string, TargetNeed[]> {
  const groups = new Map<string, TargetNeed[]>();
  for (const need of needs) {
    const group = groups.get(need.productId);
    if (group) group.push(need);
    else groups.set(need.productId, [need]);
  }
  return groups;
}

function explain(need: TargetNeed | undefined, donorSurplus: number, allocated: number): LineExplanation {
  // allocateProduct only returns targets it was given, so the need is always there.
  if (!need) throw new Error('planTransfers: an allocation refers to a target without a need');
  return { ...need.explanation, donorSurplus, allocated };
}

function addLine(orders: Map<string, PlannedTransferOrder>, productId: string, allocation: Allocation, explanation: LineExplanation): void {
  const key = `${allocation.sourceWarehouseId}\u0000${allocation.targetWarehouseId}`;
  const order = orders.get(key) ?? { sourceWarehouseId: allocation.sourceWarehouseId, targetWarehouseId: allocation.targetWarehouseId, lines: [] };
  order.lines.push({ productId, quantity: allocation.quantity, explanation });
  orders.set(key, order);
}
