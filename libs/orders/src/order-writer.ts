import { randomUUID } from 'node:crypto';
import { copyRows, executeBound, sqlArray, type EntityManager } from '@hub/db';
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

/* A line's columns, as lineRows yields them. */
const LINE_COLUMNS = (kind: OrderKind) => ['id', kind.lines.orderColumn, 'product_id', 'quantity', 'explanation'];

/* Lines are the bulk of a run's writes (hundreds of thousands, each with its explanation): COPY, each row text only until sent. */
function* lineRows(chunk: readonly OrderRow[]) {
  for (const order of chunk) {
    for (const line of order.lines) yield [randomUUID(), order.id, line.product.id, line.quantity, line.explanation];
  }
}

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
    await copyRows(tx, kind.lines.table, LINE_COLUMNS(kind), lineRows(chunk));
    await enqueueEventBatch(
      tx,
      chunk.map((order) => ({ aggregateType: kind.aggregateType, aggregateId: order.id, eventType: kind.eventType, payload: order.payload })),
    );
  }
}
