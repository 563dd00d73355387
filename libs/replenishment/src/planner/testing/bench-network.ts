import { seededRandom } from '@hub/runtime';
/**
 * A deterministic stand-in for a retail network, for `tools/bench/planner-bench.ts` and the
 * planner's specs: a few
 * distribution centres holding most stock, many stores below or near their rules, some
 * products scarce everywhere, some open orders in flight. Same seed → same network.
 */
import type { ProductBatch } from '../plan-batches';
import type { OpenQuantity, PlanningInput, PlanningRule, PlanningStock } from '../types';

export interface NetworkShape {
  warehouses: number;
  skus: number;
  seed: number;
}

/** Pack sizes drawn per product; most goods move by the piece. */
const PACK_SIZES = [1, 1, 1, 2, 4, 6, 10, 12] as const;
/** Share of products whose distribution centres hold barely more than their own min. */
const SCARCE_PRODUCTS = 0.1;
/** Share of store rules found below min. */
const STORES_BELOW_MIN = 0.3;

/** Uuid-shaped ids in random sort order, as the hub's are; the index keeps them unique. */
function uuids(count: number, random: () => number): string[] {
  const hex = (digits: number) =>
    Math.floor(random() * 16 ** digits)
      .toString(16)
      .padStart(digits, '0');
  return Array.from({ length: count }, (_, index) => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${index.toString(16).padStart(12, '0')}`);
}

/** The network's ids: warehouses, and products with the index that seeds each one's rows. */
export interface NetworkIds {
  warehouseIds: string[];
  productIds: string[];
}

export function networkIds(shape: NetworkShape): NetworkIds {
  const random = seededRandom(shape.seed);
  return { warehouseIds: uuids(shape.warehouses, random), productIds: uuids(shape.skus, random) };
}

/** One product's rows, from its own seed: any product can be generated alone, in any order. */
function productRows(shape: NetworkShape, warehouseIds: readonly string[], productId: string, productIndex: number): ProductBatch {
  const random = seededRandom(shape.seed * 1_000_003 + productIndex + 1);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const centres = Math.max(1, Math.round(shape.warehouses * 0.05));
  const rules: PlanningRule[] = [];
  const stock: PlanningStock[] = [];
  const inbound: OpenQuantity[] = [];
  const outbound: OpenQuantity[] = [];
  const multiple = PACK_SIZES[between(0, PACK_SIZES.length - 1)] ?? 1;
  const scarce = random() < SCARCE_PRODUCTS;
  warehouseIds.forEach((warehouseId, index) => {
    if (index < centres) {
      const min = between(50, 200);
      rules.push({ warehouseId, productId, min, max: min + between(200, 600), multiple });
      const onHand = min + (scarce ? between(0, 30) : between(100, 1500));
      stock.push({ warehouseId, productId, onHand, reserved: between(0, 20) });
      if (random() < 0.1) outbound.push({ warehouseId, productId, quantity: between(1, 100) });
      return;
    }
    const min = between(2, 20);
    const max = min + between(5, 40);
    rules.push({ warehouseId, productId, min, max, multiple });
    const onHand = random() < STORES_BELOW_MIN ? between(0, min - 1) : between(min, max + 10);
    stock.push({ warehouseId, productId, onHand, reserved: between(0, Math.floor(onHand / 10)) });
    if (random() < 0.05) inbound.push({ warehouseId, productId, quantity: between(1, 20) });
  });
  return { rules, stock, inbound, outbound };
}

/** The whole network at once, as a run's snapshot holds it today. */
export function generateNetwork(shape: NetworkShape): PlanningInput {
  const { warehouseIds, productIds } = networkIds(shape);
  const input: PlanningInput = { warehouseIds, rules: [], stock: [], inbound: [], outbound: [], targetWarehouseId: null };
  productIds.forEach((productId, index) => {
    const rows = productRows(shape, warehouseIds, productId, index);
    for (const kind of ['rules', 'stock', 'inbound', 'outbound'] as const) (input[kind] as unknown[]).push(...rows[kind]);
  });
  return input;
}

/** The same network generated `productsPerBatch` products at a time, in product id order: never whole in memory. */
export function* generateNetworkBatches(shape: NetworkShape, productsPerBatch: number): Generator<ProductBatch> {
  const { warehouseIds, productIds } = networkIds(shape);
  const inIdOrder = productIds.map((id, index) => ({ id, index })).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (let from = 0; from < inIdOrder.length; from += productsPerBatch) {
    const batch: { rules: PlanningRule[]; stock: PlanningStock[]; inbound: OpenQuantity[]; outbound: OpenQuantity[] } = {
      rules: [],
      stock: [],
      inbound: [],
      outbound: [],
    };
    for (const { id, index } of inIdOrder.slice(from, from + productsPerBatch)) {
      const rows = productRows(shape, warehouseIds, id, index);
      batch.rules.push(...rows.rules);
      batch.stock.push(...rows.stock);
      batch.inbound.push(...rows.inbound);
      batch.outbound.push(...rows.outbound);
    }
    yield batch;
  }
}
