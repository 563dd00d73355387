import { sqlColumns, type EntityManager } from '@hub/db';
import { enqueueEvent } from '@hub/outbox';
import type { OrderKind } from './order-kind';

/** A line of any kind of order: the product (its hub id), how many, and the numbers that produced it. */
export interface ExplainedOrderLine {
  product: { id: string };
  quantity: number;
  explanation: object;
}

const INSERT_LINES = (kind: OrderKind) => `
  insert into ${kind.lines.table} (id, ${kind.lines.orderColumn}, product_id, quantity, explanation)
  select gen_random_uuid(), ?::uuid, x.product_id, x.quantity, x.explanation
  from unnest(?::uuid[], ?::integer[], ?::jsonb[]) as x(product_id, quantity, explanation)`;

/**
 * What writing every kind of order ends with, once its row is inserted: its lines, in one
 * statement, and the event that delivers it with `payload`, in the caller's transaction.
 */
export async function writeLinesAndEvent(
  tx: EntityManager,
  kind: OrderKind,
  orderId: string,
  lines: readonly ExplainedOrderLine[],
  payload: Record<string, unknown>,
): Promise<void> {
  const columns = sqlColumns(
    lines.map((line) => ({ productId: line.product.id, quantity: line.quantity, explanation: line.explanation })),
    ['productId', 'quantity', 'explanation'],
  );
  await tx.execute(INSERT_LINES(kind), [orderId, ...columns], 'run');
  await enqueueEvent(tx, { aggregateType: kind.aggregateType, aggregateId: orderId, eventType: kind.eventType, payload });
}
