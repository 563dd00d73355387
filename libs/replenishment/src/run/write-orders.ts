import type { EntityManager } from '@hub/db';
import { writeExternalOrders, writeTransferOrders, type NewExternalOrder, type NewTransferOrder } from '@hub/orders';
import { groupBy } from '@hub/runtime';
import type { Plan, UncoveredLine } from '../planner/types';
import type { CatalogReferences, ProductReference, WarehouseReference } from '../sql/catalog-references-sql';

/** What a run wrote. */
export interface WrittenOrders {
  transferOrders: number;
  externalOrders: number;
  externalLines: number;
  externalUnits: number;
  outboxEvents: number;
}

/** A planned order names a warehouse or product the hub has no record of (the catalogue sync would have written it). */
export class MissingCatalogReferenceError extends Error {
  constructor(kind: 'warehouse' | 'product', oneCId: string) {
    super(`The ${kind} ${oneCId} of 1С is not in the hub's catalogue, so its order cannot be written`);
    this.name = 'MissingCatalogReferenceError';
  }
}

/** Uncovered lines by target warehouse, targets in the plan's (id) sequence. */
export function groupByTarget(lines: readonly UncoveredLine[]): Map<string, UncoveredLine[]> {
  return groupBy(lines, (line) => line.warehouseId);
}

function lookup(references: CatalogReferences) {
  return {
    warehouse(oneCId: string): WarehouseReference {
      const reference = references.warehouses.get(oneCId);
      if (!reference) throw new MissingCatalogReferenceError('warehouse', oneCId);
      return reference;
    },
    product(oneCId: string): ProductReference {
      const reference = references.products.get(oneCId);
      if (!reference) throw new MissingCatalogReferenceError('product', oneCId);
      return reference;
    },
  };
}

/* About this many lines are turned into orders to write at a time: the plan is in memory already, its copies need not be. */
const LINES_PER_WRITE = 5_000;

/** Consecutive runs of whole orders holding about LINES_PER_WRITE lines each. */
function* inGroups<T extends { lines: readonly unknown[] }>(orders: readonly T[]): Generator<T[]> {
  let group: T[] = [];
  let lines = 0;
  for (const order of orders) {
    group.push(order);
    lines += order.lines.length;
    if (lines >= LINES_PER_WRITE) {
      yield group;
      group = [];
      lines = 0;
    }
  }
  if (group.length > 0) yield group;
}

/**
 * Writes a plan (made in 1С's ids): a transfer order per (donor, target) for 1С, and per
 * target one outside order (DESIGN step 6) for МойСклад of what donors could not cover, each
 * with its lines and the event that delivers it, thousands of lines a statement. Pass the
 * transactional EntityManager: orders and events exist together or not at all.
 */
export async function writeOrders(em: EntityManager, runId: string, plan: Plan, references: CatalogReferences): Promise<WrittenOrders> {
  const find = lookup(references);
  const explained = (line: { productId: string; quantity: number; explanation: object }) => ({
    product: find.product(line.productId),
    quantity: line.quantity,
    explanation: line.explanation,
  });
  const byTarget = [...groupByTarget(plan.uncovered)].map(([targetId, lines]) => ({ targetId, lines }));
  // Every reference is looked up before anything is written: a missing one writes nothing.
  for (const order of plan.transferOrders) {
    find.warehouse(order.sourceWarehouseId);
    find.warehouse(order.targetWarehouseId);
    for (const line of order.lines) find.product(line.productId);
  }
  for (const { targetId, lines } of byTarget) {
    find.warehouse(targetId);
    for (const line of lines) find.product(line.productId);
  }
  for (const group of inGroups(plan.transferOrders)) {
    const transfers: NewTransferOrder[] = group.map((order) => ({
      runId,
      source: find.warehouse(order.sourceWarehouseId),
      target: find.warehouse(order.targetWarehouseId),
      lines: order.lines.map(explained),
    }));
    await writeTransferOrders(em, transfers);
  }
  for (const group of inGroups(byTarget)) {
    const outside: NewExternalOrder[] = group.map(({ targetId, lines }) => ({ runId, target: find.warehouse(targetId), lines: lines.map(explained) }));
    await writeExternalOrders(em, outside);
  }
  const externalUnits = plan.uncovered.reduce((units, line) => units + line.quantity, 0);
  return {
    transferOrders: plan.transferOrders.length,
    externalOrders: byTarget.length,
    externalLines: plan.uncovered.length,
    externalUnits,
    outboxEvents: plan.transferOrders.length + byTarget.length,
  };
}
