import { mergePlans, planProductBatches, type ProductBatch } from '../planner/plan-batches';
import { RuleRow, StockRow } from '../planner/plan-rows';
import type { OpenQuantity, Plan } from '../planner/types';
import type { PlanningSnapshot } from './planning-snapshot';
import type { SnapshotProducts, SnapshotRows } from './snapshot-columns';

/** Open orders' quantities, as readOpenOrders reads them. */
type OpenRows = Pick<ProductBatch, 'inbound' | 'outbound'>;

/** Products planned at once: the planner's objects (RuleRow, StockRow: see plan-rows.ts) are this many products' rows and plan, not the network's. */
export const PRODUCTS_PER_BATCH = 50;

/**
 * `rows` cut into batches, batch b's rows in their former order, leaving `rows` empty: one
 * column at a time (SnapshotRows.split), and each batch's columns can go once it is planned,
 * so the snapshot shrinks while the plan is written instead of staying whole to the end.
 */
function splitRowsByBatch<Field extends string>(rows: SnapshotRows<Field>, batchOf: Int32Array, batches: number): (SnapshotRows<Field> | undefined)[] {
  const start = new Int32Array(batches + 1);
  for (let row = 0; row < rows.length; row++) start[batchOf[rows.product.at(row)]! + 1]! += 1;
  for (let batch = 0; batch < batches; batch++) start[batch + 1]! += start[batch]!;
  const next = start.slice(0, batches);
  const order = new Int32Array(rows.length);
  for (let row = 0; row < rows.length; row++) order[next[batchOf[rows.product.at(row)]!]!++] = row;
  return rows.split(order, start);
}

/** Takes batch `batch` out of `batches`: nothing but the caller holds it any more. */
function takeBatch<T>(batches: (T | undefined)[], batch: number): T {
  const taken = batches[batch]!;
  batches[batch] = undefined;
  return taken;
}

/** Open quantities by batch; a product the snapshot does not know has no rule, so is never planned. */
function openByBatch(rows: readonly OpenQuantity[], products: SnapshotProducts, batchOf: Int32Array, batches: number): (OpenQuantity[] | undefined)[] {
  const grouped = Array.from({ length: batches }, (): OpenQuantity[] => []);
  for (const row of rows) {
    const product = products.indexOf(row.productId);
    if (product !== undefined) grouped[batchOf[product]!]!.push(row);
  }
  return grouped;
}

/**
 * The snapshot and the open orders as the planner's rows, `productsPerBatch` products at a time
 * in product id order, each product whole in one batch: what planProductBatches takes. Only one
 * batch's objects exist at a time. Takes the snapshot's rules and stock rows as it starts: they
 * are left empty, and each batch's rows are let go as the batch is planned.
 */
export function* snapshotProductBatches(snapshot: PlanningSnapshot, open: OpenRows, productsPerBatch: number): Generator<ProductBatch> {
  const { warehouses, products, rules } = snapshot;
  const stock = snapshot.stock.rows;
  const ids = products.ids;
  // The default sort compares UTF-16 code units, as the planner numbers products.
  const ranked = [...ids.keys()].sort((a, b) =>
    ids[a]! < ids[b]! ? -1
    : ids[a]! > ids[b]! ? 1
    : 0,
  );
  const batchOf = new Int32Array(ids.length);
  ranked.forEach((product, rank) => (batchOf[product] = Math.floor(rank / productsPerBatch)));
  const batches = Math.ceil(ids.length / productsPerBatch);
  const ruleBatches = splitRowsByBatch(rules, batchOf, batches);
  const stockBatches = splitRowsByBatch(stock, batchOf, batches);
  const inbound = openByBatch(open.inbound, products, batchOf, batches);
  const outbound = openByBatch(open.outbound, products, batchOf, batches);
  const warehouseId = (rows: SnapshotRows<string>, row: number) => warehouses[rows.warehouse.at(row)]!.id;
  for (let batch = 0; batch < batches; batch++) {
    const batchRules = takeBatch(ruleBatches, batch);
    const batchStock = takeBatch(stockBatches, batch);
    yield {
      rules: Array.from(
        { length: batchRules.length },
        (_, row) =>
          new RuleRow(
            warehouseId(batchRules, row),
            ids[batchRules.product.at(row)]!,
            batchRules.valueOf('min', row),
            batchRules.valueOf('max', row),
            batchRules.valueOf('multiple', row),
          ),
      ),
      stock: Array.from(
        { length: batchStock.length },
        (_, row) =>
          new StockRow(warehouseId(batchStock, row), ids[batchStock.product.at(row)]!, batchStock.valueOf('onHand', row), batchStock.valueOf('reserved', row)),
      ),
      inbound: takeBatch(inbound, batch),
      outbound: takeBatch(outbound, batch),
    };
  }
}

/**
 * The plans of a snapshot and the open orders, a product batch at a time, in product id order:
 * merged (mergePlans), planTransfers' plan of the same rows (a spec holds it), without the
 * network's rows as objects. `targetWarehouseId` is 1С's id of the one warehouse to plan for;
 * null plans every warehouse with norms. Every warehouse 1С lists may give.
 */
export function planSnapshotBatches(snapshot: PlanningSnapshot, open: OpenRows, targetWarehouseId: string | null): AsyncGenerator<Plan> {
  const network = { warehouseIds: snapshot.warehouses.map((warehouse) => warehouse.id), targetWarehouseId };
  return planProductBatches(network, snapshotProductBatches(snapshot, open, PRODUCTS_PER_BATCH));
}

/** The whole plan of planSnapshotBatches, as a dry run shows it. */
export async function planSnapshot(snapshot: PlanningSnapshot, open: OpenRows, targetWarehouseId: string | null): Promise<Plan> {
  const plans: Plan[] = [];
  for await (const plan of planSnapshotBatches(snapshot, open, targetWarehouseId)) plans.push(plan);
  return mergePlans(plans);
}
