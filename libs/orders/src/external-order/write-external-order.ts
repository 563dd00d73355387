import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@hub/db';
import { writeOrderRows, type ExplainedOrderLine, type OrderRow } from '../order-writer';
import { EXTERNAL_ORDER } from './external-order-kind';
import { msOrderRequestSchema } from './order-request';

/** An outside order to write: for one own warehouse, each line with the numbers that produced it. */
export interface NewExternalOrder {
  runId: string;
  /** The own warehouse the goods are for: its hub id and the code and name an operator recognises. */
  target: { id: string; code: string; name: string };
  lines: ReadonlyArray<ExplainedOrderLine & { product: { sku: string; name: string } }>;
}

const REFERENCE_COLUMNS = ['run_id', 'target_warehouse_id'] as const;

/** The order's row with the event payload, checked here so a run never enqueues one its delivery would refuse. */
function externalOrderRow(order: NewExternalOrder): OrderRow {
  const id = randomUUID();
  const request = msOrderRequestSchema.parse({
    hubOrderId: id,
    runId: order.runId,
    targetWarehouse: order.target,
    comment: `Integration Hub replenishment run ${order.runId}: what own warehouses could not cover for ${order.target.code}`,
    lines: order.lines.map((line) => ({ productId: line.product.id, sku: line.product.sku, name: line.product.name, quantity: line.quantity })),
  });
  return { id, references: [order.runId, order.target.id], lines: order.lines, payload: request };
}

/**
 * Writes pending outside orders, their lines and the event that delivers each to МойСклад.
 * Pass the transactional EntityManager: orders and events exist together or not at all.
 * Returns the ids in the orders' sequence.
 */
export async function writeExternalOrders(tx: EntityManager, orders: readonly NewExternalOrder[]): Promise<string[]> {
  const rows = orders.map(externalOrderRow);
  await writeOrderRows(tx, EXTERNAL_ORDER, REFERENCE_COLUMNS, rows);
  return rows.map((row) => row.id);
}

/** writeExternalOrders of one order. */
export async function writeExternalOrder(tx: EntityManager, order: NewExternalOrder): Promise<string> {
  const [id] = await writeExternalOrders(tx, [order]);
  return id!;
}
