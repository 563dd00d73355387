import type { EntityManager } from '@hub/db';
import { OrderWriter, writeWholeOrders, type ExplainedOrderLine, type OrderShape } from '../order-writer';
import { EXTERNAL_ORDER } from './external-order-kind';
import { msOrderRequestSchema, type MsOrderRequestLine } from './order-request';

/** An outside order's line: the product by its hub id, SKU and name. */
export type ExternalOrderLine = ExplainedOrderLine & { product: { sku: string; name: string } };

/** What an outside order is besides its lines: the run that planned it, and the own warehouse the goods are for. */
export interface ExternalOrderHead {
  runId: string;
  /** The hub id, and the code and name an operator recognises. */
  target: { id: string; code: string; name: string };
}

/** An outside order to write: for one own warehouse, each line with the numbers that produced it. */
export interface NewExternalOrder extends ExternalOrderHead {
  lines: readonly ExternalOrderLine[];
}

/** The event's payload is the hub's request to МойСклад, checked so a run never enqueues one its delivery would refuse. */
const EXTERNAL_ORDER_SHAPE: OrderShape<ExternalOrderHead, ExternalOrderLine, MsOrderRequestLine> = {
  kind: EXTERNAL_ORDER,
  referenceColumns: ['run_id', 'target_warehouse_id'],
  references: (head) => [head.runId, head.target.id],
  payloadLine: (product, quantity) => ({ productId: product.id, sku: product.sku, name: product.name, quantity }),
  payload: (id, head, lines) =>
    msOrderRequestSchema.parse({
      hubOrderId: id,
      runId: head.runId,
      targetWarehouse: head.target,
      comment: `Integration Hub replenishment run ${head.runId}: what own warehouses could not cover for ${head.target.code}`,
      lines,
    }),
};

/** Outside orders written while their lines are still being planned (see OrderWriter). */
export function openExternalOrderWriter(tx: EntityManager): OrderWriter<ExternalOrderHead, ExternalOrderLine, MsOrderRequestLine> {
  return new OrderWriter(tx, EXTERNAL_ORDER_SHAPE);
}

/**
 * Writes pending outside orders, their lines and the event that delivers each to МойСклад.
 * Pass the transactional EntityManager: orders and events exist together or not at all.
 * Returns the ids in the orders' sequence.
 */
export function writeExternalOrders(tx: EntityManager, orders: readonly NewExternalOrder[]): Promise<string[]> {
  return writeWholeOrders(tx, EXTERNAL_ORDER_SHAPE, orders);
}

/** writeExternalOrders of one order. */
export async function writeExternalOrder(tx: EntityManager, order: NewExternalOrder): Promise<string> {
  const [id] = await writeExternalOrders(tx, [order]);
  return id!;
}
