import type { EntityManager } from '@hub/db';
import type { TransferLine } from '../planner/types';

const INSERT_TRANSFER_ORDER = `
  insert into transfer_orders (id, run_id, source_warehouse_id, target_warehouse_id)
  values (?::uuid, ?::uuid, ?::uuid, ?::uuid)`;

const INSERT_TRANSFER_ORDER_LINES = `
  insert into transfer_order_lines (id, transfer_order_id, product_id, quantity, explanation)
  select gen_random_uuid(), ?::uuid, x.product_id, x.quantity, x.explanation
  from jsonb_to_recordset(?::jsonb) as x(product_id uuid, quantity integer, explanation jsonb)`;

export interface NewTransferOrder {
  id: string;
  runId: string;
  sourceWarehouseId: string;
  targetWarehouseId: string;
  lines: readonly TransferLine[];
}

/** Writes one transfer order and its lines (with their explanations) in the caller's transaction. */
export async function insertTransferOrder(em: EntityManager, order: NewTransferOrder): Promise<void> {
  await em.execute(INSERT_TRANSFER_ORDER, [order.id, order.runId, order.sourceWarehouseId, order.targetWarehouseId], 'run');
  const lines = order.lines.map((l) => ({ product_id: l.productId, quantity: l.quantity, explanation: l.explanation }));
  await em.execute(INSERT_TRANSFER_ORDER_LINES, [order.id, JSON.stringify(lines)], 'run');
}
