import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@hub/db';
import { writeLinesAndEvent, type ExplainedOrderLine } from '../order-writer';
import { EXTERNAL_ORDER } from './external-order-kind';
import { msOrderRequestSchema } from './order-request';

/** An outside order to write: for one own warehouse, each line with the numbers that produced it. */
export interface NewExternalOrder {
  runId: string;
  /** The own warehouse the goods are for: its hub id and the code and name an operator recognises. */
  target: { id: string; code: string; name: string };
  lines: ReadonlyArray<ExplainedOrderLine & { product: { sku: string; name: string } }>;
}

const INSERT_EXTERNAL_ORDER = `
  insert into ${EXTERNAL_ORDER.table} (id, run_id, target_warehouse_id)
  values (?::uuid, ?::uuid, ?::uuid)`;

/**
 * Writes a pending outside order, its lines and the event that delivers it to МойСклад.
 * Pass the transactional EntityManager: order and event exist together or not at all. The
 * payload is checked here, so a run never enqueues one its delivery would refuse.
 */
export async function writeExternalOrder(tx: EntityManager, order: NewExternalOrder): Promise<string> {
  const id = randomUUID();
  const request = msOrderRequestSchema.parse({
    hubOrderId: id,
    runId: order.runId,
    targetWarehouse: order.target,
    comment: `Integration Hub replenishment run ${order.runId}: what own warehouses could not cover for ${order.target.code}`,
    lines: order.lines.map((line) => ({ productId: line.product.id, sku: line.product.sku, name: line.product.name, quantity: line.quantity })),
  });
  await tx.execute(INSERT_EXTERNAL_ORDER, [id, order.runId, order.target.id], 'run');
  await writeLinesAndEvent(tx, EXTERNAL_ORDER, id, order.lines, request);
  return id;
}
