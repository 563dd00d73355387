import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@hub/db';
import { EXTERNAL_ORDER_AGGREGATE, MS_CUSTOMER_ORDER_EVENT, msOrderRequestSchema, type MsOrderRequest } from '@hub/integrations';
import { enqueueEvent } from '@hub/outbox';
import type { UncoveredLine } from '../planner/types';
import type { CatalogReferences } from '../sql/catalog-references-sql';
import { insertExternalOrder } from '../sql/external-orders-sql';

export interface WrittenExternalOrders {
  orderIds: string[];
  lines: number;
  units: number;
  events: number;
}

/** A planned outside order names a warehouse or product the hub has no record of. */
export class MissingCatalogReferenceError extends Error {
  constructor(kind: 'warehouse' | 'product', hubId: string) {
    super(`The ${kind} ${hubId} is not in the hub's catalogue, so its outside order cannot be described to МойСклад`);
    this.name = 'MissingCatalogReferenceError';
  }
}

/** Uncovered lines by target warehouse, targets in the plan's (id) order. */
export function groupByTarget(lines: readonly UncoveredLine[]): Map<string, UncoveredLine[]> {
  const byTarget = new Map<string, UncoveredLine[]>();
  for (const line of lines) byTarget.set(line.warehouseId, [...(byTarget.get(line.warehouseId) ?? []), line]);
  return byTarget;
}

/**
 * Writes one outside order per target warehouse (DESIGN step 6) with its lines and its
 * CREATE_MS_CUSTOMER_ORDER event. Pass the transactional EntityManager: orders and events
 * must exist together or not at all.
 */
export async function writeExternalOrders(
  em: EntityManager,
  runId: string,
  uncovered: readonly UncoveredLine[],
  references: CatalogReferences,
): Promise<WrittenExternalOrders> {
  const written: WrittenExternalOrders = { orderIds: [], lines: 0, units: 0, events: 0 };
  for (const [targetWarehouseId, lines] of groupByTarget(uncovered)) {
    const id = randomUUID();
    const payload = toMsOrderRequest(id, runId, targetWarehouseId, lines, references);
    await insertExternalOrder(em, { id, runId, targetWarehouseId, lines });
    await enqueueEvent(em, { aggregateType: EXTERNAL_ORDER_AGGREGATE, aggregateId: id, eventType: MS_CUSTOMER_ORDER_EVENT, payload: { ...payload } });
    written.orderIds.push(id);
    written.lines += lines.length;
    written.units += lines.reduce((sum, line) => sum + line.quantity, 0);
    written.events += 1;
  }
  return written;
}

/** The request the МойСклад handler delivers; parsed, so a run never enqueues a payload the handler would refuse. */
function toMsOrderRequest(
  hubOrderId: string,
  runId: string,
  targetWarehouseId: string,
  lines: readonly UncoveredLine[],
  references: CatalogReferences,
): MsOrderRequest {
  const target = references.warehouses.get(targetWarehouseId);
  if (!target) throw new MissingCatalogReferenceError('warehouse', targetWarehouseId);
  return msOrderRequestSchema.parse({
    hubOrderId,
    runId,
    targetWarehouse: { id: targetWarehouseId, code: target.code, name: target.name },
    comment: `Integration Hub replenishment run ${runId}: what own warehouses could not cover for ${target.code}`,
    lines: lines.map((line) => {
      const product = references.products.get(line.productId);
      if (!product) throw new MissingCatalogReferenceError('product', line.productId);
      return { productId: line.productId, sku: product.sku, name: product.name, quantity: line.quantity };
    }),
  });
}
