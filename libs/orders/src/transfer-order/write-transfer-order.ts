import type { EntityManager } from '@hub/db';
import { oneCCreateTransferOrderSchema, type OneCCreateTransferOrder } from '@hub/integrations';
import { OrderWriter, writeWholeOrders, type ExplainedOrderLine, type OrderShape } from '../order-writer';
import { TRANSFER_ORDER } from './transfer-order-kind';

/** A warehouse or product under both its names: the hub's id and 1С's. */
export interface OneCReference {
  id: string;
  externalId: string;
}

/** A transfer order's line: the product under both names, with its SKU. */
export type TransferOrderLine = ExplainedOrderLine & { product: OneCReference & { sku: string } };

/** What a transfer order is besides its lines: the run that planned it, from one own warehouse to another. */
export interface TransferOrderHead {
  runId: string;
  source: OneCReference;
  target: OneCReference;
}

/** A transfer order to write: from one own warehouse to another, each line with the numbers that produced it. */
export interface NewTransferOrder extends TransferOrderHead {
  lines: readonly TransferOrderLine[];
}

type PayloadLine = OneCCreateTransferOrder['lines'][number];

/** The event's payload is 1С's create request in 1С's ids, checked against the contract. */
const TRANSFER_ORDER_SHAPE: OrderShape<TransferOrderHead, TransferOrderLine, PayloadLine> = {
  kind: TRANSFER_ORDER,
  referenceColumns: ['run_id', 'source_warehouse_id', 'target_warehouse_id'],
  references: (head) => [head.runId, head.source.id, head.target.id],
  payloadLine: (product, quantity) => ({ productId: product.externalId, sku: product.sku, quantity }),
  payload: (id, head, lines): OneCCreateTransferOrder =>
    oneCCreateTransferOrderSchema.parse({
      hubOrderId: id,
      sourceWarehouseId: head.source.externalId,
      targetWarehouseId: head.target.externalId,
      comment: `Integration Hub replenishment run ${head.runId}`,
      lines,
    }),
};

/**
 * Transfer orders written while their lines are still being planned (see OrderWriter): each
 * payload is checked against 1С's contract by `finish`, so a run never enqueues a payload its
 * delivery would refuse (a refused one fails the caller's transaction).
 */
export function openTransferOrderWriter(tx: EntityManager): OrderWriter<TransferOrderHead, TransferOrderLine, PayloadLine> {
  return new OrderWriter(tx, TRANSFER_ORDER_SHAPE);
}

/**
 * Writes pending transfer orders, their lines and the event that delivers each to 1С. Pass the
 * transactional EntityManager: orders and events exist together or not at all. Returns the
 * ids in the orders' sequence.
 */
export function writeTransferOrders(tx: EntityManager, orders: readonly NewTransferOrder[]): Promise<string[]> {
  return writeWholeOrders(tx, TRANSFER_ORDER_SHAPE, orders);
}

/** writeTransferOrders of one order. */
export async function writeTransferOrder(tx: EntityManager, order: NewTransferOrder): Promise<string> {
  const [id] = await writeTransferOrders(tx, [order]);
  return id!;
}
