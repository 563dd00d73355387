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
  // Every reference is looked up before anything is written: a missing one writes nothing.
  const transfers: NewTransferOrder[] = plan.transferOrders.map((order) => ({
    runId,
    source: find.warehouse(order.sourceWarehouseId),
    target: find.warehouse(order.targetWarehouseId),
    lines: order.lines.map(explained),
  }));
  const outside: NewExternalOrder[] = [...groupByTarget(plan.uncovered)].map(([targetId, uncovered]) => ({
    runId,
    target: find.warehouse(targetId),
    lines: uncovered.map(explained),
  }));
  await writeTransferOrders(em, transfers);
  await writeExternalOrders(em, outside);
  const externalLines = outside.reduce((sum, order) => sum + order.lines.length, 0);
  const externalUnits = outside.reduce((sum, order) => sum + order.lines.reduce((units, line) => units + line.quantity, 0), 0);
  return {
    transferOrders: transfers.length,
    externalOrders: outside.length,
    externalLines,
    externalUnits,
    outboxEvents: transfers.length + outside.length,
  };
}
