import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@hub/db';
import { oneCCreateTransferOrderSchema, type OneCCreateTransferOrder } from '@hub/integrations';
import { writeLinesAndEvent, type ExplainedOrderLine } from '../order-writer';
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

const INSERT_TRANSFER_ORDER = `
  insert into ${TRANSFER_ORDER.table} (id, run_id, source_warehouse_id, target_warehouse_id)
  values (?::uuid, ?::uuid, ?::uuid, ?::uuid)`;

/**
 * Writes a pending transfer order, its lines and the event that delivers it to 1С. Pass the
 * transactional EntityManager: order and event exist together or not at all. The event's
 * payload is 1С's create request in 1С's ids, checked against the contract here, so a run
 * never enqueues a payload its delivery would refuse.
 */
export async function writeTransferOrder(tx: EntityManager, order: NewTransferOrder): Promise<string> {
  const id = randomUUID();
  const request: OneCCreateTransferOrder = oneCCreateTransferOrderSchema.parse({
    hubOrderId: id,
    sourceWarehouseId: order.source.externalId,
    targetWarehouseId: order.target.externalId,
    comment: `Integration Hub replenishment run ${order.runId}`,
    lines: order.lines.map((line) => ({ productId: line.product.externalId, sku: line.product.sku, quantity: line.quantity })),
  });
  await tx.execute(INSERT_TRANSFER_ORDER, [id, order.runId, order.source.id, order.target.id], 'run');
  await writeLinesAndEvent(tx, TRANSFER_ORDER, id, order.lines, request);
  return id;
}
