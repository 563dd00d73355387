import { executeBound, sqlArray, sqlColumns, type EntityManager } from '@hub/db';
import { enqueueEventBatch } from '@hub/outbox';
import type { OrderKind } from './order-kind';

/** A line of any kind of order: the product (its hub id), how many, and the numbers that produced it. */
export interface ExplainedOrderLine {
  product: { id: string };
  quantity: number;
  explanation: object;
}

/** An order ready to insert: its id, its kind's own columns (uuids), its lines, and the payload of the event that delivers it. */
export interface OrderRow {
  id: string;
  /** Values of the kind's reference columns, in the order the writer names them. */
  references: readonly string[];
  lines: readonly ExplainedOrderLine[];
  payload: Record<string, unknown>;
}

/* About this many lines go in one statement: a network's run writes hundreds of thousands. */
const LINES_PER_STATEMENT = 5_000;

const INSERT_ORDERS = (kind: OrderKind, columns: readonly string[]) => `
  insert into ${kind.table} (id, ${columns.join(', ')})
  select * from unnest(${['id', ...columns].map(() => '?::uuid[]').join(', ')})`;

const INSERT_LINES = (kind: OrderKind) => `
  insert into ${kind.lines.table} (id, ${kind.lines.orderColumn}, product_id, quantity, explanation)
  select gen_random_uuid(), x.order_id, x.product_id, x.quantity, x.explanation
  from unnest(?::uuid[], ?::uuid[], ?::integer[], ?::jsonb[]) as x(order_id, product_id, quantity, explanation)`;

/** Consecutive runs of `orders` holding about LINES_PER_STATEMENT lines each (an order is never split). */
function* chunks(orders: readonly OrderRow[]): Generator<OrderRow[]> {
  let chunk: OrderRow[] = [];
  let lines = 0;
  for (const order of orders) {
    chunk.push(order);
    lines += order.lines.length;
    if (lines >= LINES_PER_STATEMENT) {
      yield chunk;
      chunk = [];
      lines = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Writes orders of one kind: their rows, their lines and the event that delivers each (with its
 * payload), a few statements per several thousand lines, in the caller's transaction — pass the
 * transactional EntityManager, so orders and events exist together or not at all.
 * `referenceColumns` name the kind's own uuid columns, as each order's `references` hold them.
 */
export async function writeOrderRows(tx: EntityManager, kind: OrderKind, referenceColumns: readonly string[], orders: readonly OrderRow[]): Promise<void> {
  for (const chunk of chunks(orders)) {
    const columns = [chunk.map((order) => order.id), ...referenceColumns.map((_, index) => chunk.map((order) => order.references[index]!))];
    await executeBound(tx, INSERT_ORDERS(kind, referenceColumns), columns.map(sqlArray));
    const lines = chunk.flatMap((order) =>
      order.lines.map((line) => ({ orderId: order.id, productId: line.product.id, quantity: line.quantity, explanation: line.explanation })),
    );
    if (lines.length > 0) await executeBound(tx, INSERT_LINES(kind), sqlColumns(lines, ['orderId', 'productId', 'quantity', 'explanation']));
    await enqueueEventBatch(
      tx,
      chunk.map((order) => ({ aggregateType: kind.aggregateType, aggregateId: order.id, eventType: kind.eventType, payload: order.payload })),
    );
  }
}
