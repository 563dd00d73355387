import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@hub/db';
import { oneCCreateTransferOrderSchema, type OneCCreateTransferOrder } from '@hub/integrations';
import { writeOrderRows, type ExplainedOrderLine, type OrderRow } from '../order-writer';
import { TRANSFER_ORDER } from './transfer-order-kind';

/** A warehouse or product under both its names: the hub's id and 1С's. */
export interface OneCReference {
  id: string;
  externalId: string;
}

/** A transfer order to write: from one own warehouse to another, each line with the numbers that produced it. */
export interface NewTransferOrder {
  runId: string;
  source: OneCReference;
  target: OneCReference;
  lines: ReadonlyArray<ExplainedOrderLine & { product: OneCReference & { sku: string } }>;
}

const REFERENCE_COLUMNS = ['run_id', 'source_warehouse_id', 'target_warehouse_id'] as const;

/** The order's row with the event payload: 1С's create request in 1С's ids, checked against the contract. */
function transferOrderRow(order: NewTransferOrder): OrderRow {
  const id = randomUUID();
  const request: OneCCreateTransferOrder = oneCCreateTransferOrderSchema.parse({
    hubOrderId: id,
    sourceWarehouseId: order.source.externalId,
    targetWarehouseId: order.target.externalId,
    comment: `Integration Hub replenishment run ${order.runId}`,
    lines: order.lines.map((line) => ({ productId: line.product.externalId, sku: line.product.sku, quantity: line.quantity })),
  });
  return { id, references: [order.runId, order.source.id, order.target.id], lines: order.lines, payload: request };
}

/**
 * Writes pending transfer orders, their lines and the event that delivers each to 1С, a few
 * statements for thousands of lines. Pass the transactional EntityManager: orders and events
 * exist together or not at all. Each payload is checked against 1С's contract before anything
 * is written, so a run never enqueues a payload its delivery would refuse. Returns the ids in
 * the orders' sequence.
 */
export async function writeTransferOrders(tx: EntityManager, orders: readonly NewTransferOrder[]): Promise<string[]> {
  const rows = orders.map(transferOrderRow);
  await writeOrderRows(tx, TRANSFER_ORDER, REFERENCE_COLUMNS, rows);
  return rows.map((row) => row.id);
}

/** writeTransferOrders of one order. */
export async function writeTransferOrder(tx: EntityManager, order: NewTransferOrder): Promise<string> {
  const [id] = await writeTransferOrders(tx, [order]);
  return id!;
}
