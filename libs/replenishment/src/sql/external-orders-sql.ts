import type { EntityManager } from '@hub/db';
import type { UncoveredLine } from '../planner/types';

const INSERT_EXTERNAL_ORDER = `
  insert into external_orders (id, run_id, target_warehouse_id)
  values (?::uuid, ?::uuid, ?::uuid)`;

const INSERT_EXTERNAL_ORDER_LINES = `
  insert into external_order_lines (id, external_order_id, product_id, quantity, explanation)
  select gen_random_uuid(), ?::uuid, x.product_id, x.quantity, x.explanation
  from jsonb_to_recordset(?::jsonb) as x(product_id uuid, quantity integer, explanation jsonb)`;

export interface NewExternalOrder {
  id: string;
  runId: string;
  targetWarehouseId: string;
  lines: readonly UncoveredLine[];
}

/** Writes one outside order and its lines (with their explanations) in the caller's transaction. */
export async function insertExternalOrder(em: EntityManager, order: NewExternalOrder): Promise<void> {
  await em.execute(INSERT_EXTERNAL_ORDER, [order.id, order.runId, order.targetWarehouseId], 'run');
  const lines = order.lines.map((l) => ({ product_id: l.productId, quantity: l.quantity, explanation: l.explanation }));
  await em.execute(INSERT_EXTERNAL_ORDER_LINES, [order.id, JSON.stringify(lines)], 'run');
}
