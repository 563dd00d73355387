import type { EntityManager } from '@hub/db';
import { writeExternalOrder, writeTransferOrder } from '@hub/orders';
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
 * with its lines and the event that delivers it. Pass the transactional EntityManager:
 * orders and events exist together or not at all.
 */
export async function writeOrders(em: EntityManager, runId: string, plan: Plan, references: CatalogReferences): Promise<WrittenOrders> {
  const find = lookup(references);
  const written: WrittenOrders = { transferOrders: 0, externalOrders: 0, externalLines: 0, externalUnits: 0, outboxEvents: 0 };
  for (const order of plan.transferOrders) {
    const lines = order.lines.map((line) => ({ product: find.product(line.productId), quantity: line.quantity, explanation: line.explanation }));
    await writeTransferOrder(em, { runId, source: find.warehouse(order.sourceWarehouseId), target: find.warehouse(order.targetWarehouseId), lines });
    written.transferOrders += 1;
    written.outboxEvents += 1;
  }
  for (const [targetId, uncovered] of groupByTarget(plan.uncovered)) {
    const lines = uncovered.map((line) => ({ product: find.product(line.productId), quantity: line.quantity, explanation: line.explanation }));
    await writeExternalOrder(em, { runId, target: find.warehouse(targetId), lines });
    written.externalOrders += 1;
    written.externalLines += lines.length;
    written.externalUnits += lines.reduce((sum, line) => sum + line.quantity, 0);
    written.outboxEvents += 1;
  }
  return written;
}
