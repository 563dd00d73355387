import { NetworkPlanner, type PlannerNetwork } from './plan-transfers';
import type { OpenQuantity, Plan, PlannedTransferOrder, PlanningRule, PlanningStock, UncoveredLine } from './types';

/**
 * Every row of some products: all their rules, stock and open quantities, and none of any
 * other product's. Algorithm 1 plans each product from its own rows alone (DESIGN.md), so a
 * network can be planned a batch of products at a time.
 */
export interface ProductBatch {
  rules: readonly PlanningRule[];
  stock: readonly PlanningStock[];
  inbound: readonly OpenQuantity[];
  outbound: readonly OpenQuantity[];
}

/**
 * Plans a network one product batch at a time, yielding each batch's plan before reading the
 * next batch, so memory holds one batch and its plan (and a donor × target table), not the
 * network. Batches must come in product id order, each product whole in one batch, and
 * `network` must name every warehouse any rule names (own or not); then mergePlans of the
 * plans is planTransfers' plan of the whole network, however the products are cut.
 */
export async function* planProductBatches(network: PlannerNetwork, batches: AsyncIterable<ProductBatch> | Iterable<ProductBatch>): AsyncGenerator<Plan> {
  const planner = new NetworkPlanner(network);
  const iterator = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  for (;;) {
    const plan = await planNextBatch(planner, iterator);
    if (plan === undefined) return;
    yield plan;
  }
}

/**
 * Plans the next batch in a frame of its own, so nothing suspended at planProductBatches'
 * yield holds the batch's rows while the plan is written (a suspended generator keeps the
 * variables in scope, a `for … of` loop's among them): they can die young (plan-rows.ts).
 */
async function planNextBatch(planner: NetworkPlanner, iterator: AsyncIterator<ProductBatch> | Iterator<ProductBatch>): Promise<Plan | undefined> {
  const next = await iterator.next();
  return next.done ? undefined : planner.plan(next.value);
}

/**
 * The plans of consecutive product batches as one plan, exactly as planTransfers orders it:
 * needs by product then warehouse, one order per (source, target) in id order with its lines by
 * product, uncovered lines by warehouse then product.
 */
export function mergePlans(plans: Iterable<Plan>): Plan {
  const needs: Plan['needs'] = [];
  const orders = new Map<string, PlannedTransferOrder>();
  const uncovered: UncoveredLine[] = [];
  for (const plan of plans) {
    needs.push(...plan.needs);
    for (const order of plan.transferOrders) {
      const key = `${order.sourceWarehouseId}\u0000${order.targetWarehouseId}`;
      const held = orders.get(key);
      if (held) held.lines.push(...order.lines);
      else orders.set(key, { ...order, lines: [...order.lines] });
    }
    uncovered.push(...plan.uncovered);
  }
  const byId = (a: string, b: string) =>
    a < b ? -1
    : a > b ? 1
    : 0;
  return {
    needs,
    transferOrders: [...orders.values()].sort((a, b) => byId(a.sourceWarehouseId, b.sourceWarehouseId) || byId(a.targetWarehouseId, b.targetWarehouseId)),
    // A stable sort: within a warehouse, lines keep their batches' product order.
    uncovered: uncovered.sort((a, b) => byId(a.warehouseId, b.warehouseId)),
  };
}

/** `input`'s rows cut into batches of `productsPerBatch` products, in product id order (for specs and benchmarks). */
export function splitIntoProductBatches(input: ProductBatch, productsPerBatch: number): ProductBatch[] {
  const products = [...new Set(input.rules.map((rule) => rule.productId))].sort();
  const batchOf = new Map(products.map((id, index) => [id, Math.floor(index / productsPerBatch)]));
  const batches = Array.from({ length: Math.ceil(products.length / productsPerBatch) }, (): { [K in keyof ProductBatch]: ProductBatch[K][number][] } => ({
    rules: [],
    stock: [],
    inbound: [],
    outbound: [],
  }));
  for (const kind of ['rules', 'stock', 'inbound', 'outbound'] as const) {
    for (const row of input[kind]) {
      const batch = batchOf.get(row.productId);
      // Rows of a product no rule names are never planned: planTransfers ignores them too.
      if (batch !== undefined) (batches[batch]![kind] as (typeof row)[]).push(row);
    }
  }
  return batches;
}
