import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@hub/db';
import type { OneCCreateTransferOrder } from '@hub/integrations';
import { enqueueEvent } from '@hub/outbox';
import type { PlannedTransferOrder } from '../planner/types';
import type { CatalogReferences } from '../sql/catalog-references-sql';
import { insertTransferOrder } from '../sql/transfer-orders-sql';

/** The outbox aggregate a transfer order's events belong to. */
export const TRANSFER_ORDER_AGGREGATE = 'transfer_order';
export const CREATE_1C_TRANSFER_ORDER = 'CREATE_1C_TRANSFER_ORDER' as const;

export interface WrittenTransferOrders {
  orderIds: string[];
  lines: number;
  events: number;
}

/** A planned order names a warehouse or product the hub cannot map back to 1С. */
export class MissingOneCReferenceError extends Error {
  constructor(kind: 'warehouse' | 'product', hubId: string) {
    super(`The ${kind} ${hubId} has no 1С id, so its transfer order cannot be sent to 1С`);
    this.name = 'MissingOneCReferenceError';
  }
}

/**
 * Writes each planned order, its lines and its CREATE_1C_TRANSFER_ORDER event. Pass the
 * transactional EntityManager: orders and events must exist together or not at all.
 */
export async function writeTransferOrders(
  em: EntityManager,
  runId: string,
  orders: readonly PlannedTransferOrder[],
  references: CatalogReferences,
): Promise<WrittenTransferOrders> {
  const written: WrittenTransferOrders = { orderIds: [], lines: 0, events: 0 };
  for (const order of orders) {
    const id = randomUUID();
    const payload = toOneCOrder(id, runId, order, references);
    await insertTransferOrder(em, { id, runId, ...order });
    await enqueueEvent(em, { aggregateType: TRANSFER_ORDER_AGGREGATE, aggregateId: id, eventType: CREATE_1C_TRANSFER_ORDER, payload: { ...payload } });
    written.orderIds.push(id);
    written.lines += order.lines.length;
    written.events += 1;
  }
  return written;
}

/** The document 1С receives, in 1С's own ids (the contract's OneCCreateTransferOrder). */
export function toOneCOrder(hubOrderId: string, runId: string, order: PlannedTransferOrder, references: CatalogReferences): OneCCreateTransferOrder {
  const warehouse = (id: string): string => {
    const reference = references.warehouses.get(id);
    if (reference === undefined) throw new MissingOneCReferenceError('warehouse', id);
    return reference.externalId;
  };
  return {
    hubOrderId,
    sourceWarehouseId: warehouse(order.sourceWarehouseId),
    targetWarehouseId: warehouse(order.targetWarehouseId),
    comment: `Integration Hub replenishment run ${runId}`,
    lines: order.lines.map((line) => {
      const product = references.products.get(line.productId);
      if (!product) throw new MissingOneCReferenceError('product', line.productId);
      return { productId: product.externalId, sku: product.sku, quantity: line.quantity };
    }),
  };
}
