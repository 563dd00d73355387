import { FairShareAllocator } from './fair-share';
import { indexProducts, indexWarehouses, type NetworkIndex, type WarehouseIndex } from './network-index';
import { PlanBuilder } from './plan-builder';
import { Need } from './plan-rows';
import { computeNeed, computePosition, computeSurplus, packSize } from './position';
import { ProductColumns } from './product-columns';
import type { NeedExplanation, Plan, PlanningInput } from './types';

/**
 * DESIGN "Algorithm 1", steps 1–7: find every target product below its min, cover its
 * need from the other own warehouses' surplus — fairly when that surplus is short — in
 * whole packs, one transfer order per (donor, target), and report what no donor could
 * cover; every line carries the numbers that produced it.
 * Pure: the same input (in any order) gives the same plan. Products are planned one at a
 * time over per-warehouse arrays, so time and memory grow with the rows, not with rows².
 */
export function planTransfers(input: PlanningInput): Plan {
  const planner = new NetworkPlanner({ ...input, namedWarehouseIds: input.rules.map((rule) => rule.warehouseId) });
  return planner.plan(input);
}

/** What stays the same for every product of one plan. */
export interface PlannerNetwork {
  /** Every own warehouse: each is a possible donor to the others. */
  warehouseIds: readonly string[];
  /** Other warehouses a rule names (not own: they never give); repeats are fine. */
  namedWarehouseIds?: Iterable<string>;
  targetWarehouseId?: string | null;
}

/**
 * Plans a network some products at a time: each `plan` call plans the products of its rows.
 * Products are planned alike whatever batch they come in, save one thing a plan carries
 * across them: a donor already sending a target something is preferred for later products
 * (fewer orders). So the products of successive calls must come in product id order, as
 * planTransfers takes them, for the plans together to be planTransfers' plan.
 */
export class NetworkPlanner {
  private readonly warehouses: WarehouseIndex;
  private readonly allocator: FairShareAllocator;
  private readonly isTarget: Int32Array;
  private productsPlanned = 0;

  constructor(network: PlannerNetwork) {
    this.warehouses = indexWarehouses(network.warehouseIds, network.namedWarehouseIds ?? [], network.targetWarehouseId ?? null);
    this.allocator = new FairShareAllocator(this.warehouses.ids.length);
    this.isTarget = new Int32Array(this.warehouses.ids.length).fill(-1);
  }

  /** The plan of these products: their needs, transfer lines by (donor, target), uncovered lines. */
  plan(rows: Pick<PlanningInput, 'rules' | 'stock' | 'inbound' | 'outbound'>): Plan {
    const network = indexProducts(this.warehouses, rows);
    const columns = new ProductColumns(network);
    const { allocator, isTarget } = this;
    const builder = new PlanBuilder(network);
    for (let product = 0; product < network.productIds.length; product++) {
      const stamp = this.productsPlanned++;
      columns.load(product);
      allocator.clear();
      const explanations = addTargets(network, columns, product, allocator, builder);
      if (explanations.length === 0) continue;
      for (const target of allocator.targetWarehouse) isTarget[target] = stamp;
      addDonors(network, columns, (warehouse) => isTarget[warehouse] === stamp, allocator);
      allocator.allocate();
      builder.addProduct(product, allocator, explanations);
    }
    return builder.finish();
  }
}

/** Steps 1–2 for every planned warehouse with a rule for the product, in id order. */
function addTargets(network: NetworkIndex, columns: ProductColumns, product: number, allocator: FairShareAllocator, builder: PlanBuilder): NeedExplanation[] {
  const explanations: NeedExplanation[] = [];
  const planned = network.target;
  const [first, last] = planned === null ? [0, network.warehouseIds.length - 1] : [planned, planned];
  for (let warehouse = Math.max(0, first); warehouse <= last; warehouse++) {
    const rule = columns.ruleOf(warehouse);
    if (!rule) continue;
    const onHand = columns.onHandOf(warehouse);
    const reserved = columns.reservedOf(warehouse);
    const inbound = columns.inboundOf(warehouse);
    const position = computePosition(onHand, reserved, inbound);
    const need = computeNeed(position, rule);
    if (need <= 0) continue;
    const multiple = packSize(rule.multiple);
    const explanation = new Need(onHand, reserved, inbound, position, rule.min, Math.max(rule.max, rule.min), multiple, need);
    explanations.push(explanation);
    builder.addNeed(warehouse, product, explanation);
    allocator.addTarget(warehouse, need, multiple);
  }
  return explanations;
}

/**
 * Step 3: every other own warehouse holding the product gives its surplus. One without a
 * rule for the product keeps none back (min 0): it has no level to hold, and stock it does
 * not plan for is exactly what should move to where it is needed.
 */
function addDonors(network: NetworkIndex, columns: ProductColumns, isTarget: (warehouse: number) => boolean, allocator: FairShareAllocator): void {
  for (let warehouse = 0; warehouse < network.warehouseIds.length; warehouse++) {
    if (network.isDonor[warehouse] !== 1 || !columns.hasStock(warehouse) || isTarget(warehouse)) continue;
    const ownMin = columns.ruleOf(warehouse)?.min ?? 0;
    allocator.addDonor(warehouse, computeSurplus(columns.onHandOf(warehouse), columns.reservedOf(warehouse), columns.outboundOf(warehouse), ownMin));
  }
}
