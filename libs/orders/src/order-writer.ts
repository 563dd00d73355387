import { randomUUID } from 'node:crypto';
import { copyRows, executeBound, sqlArray, type EntityManager } from '@hub/db';
import { enqueueEventBatch } from '@hub/outbox';
import type { OrderKind } from './order-kind';
import { PendingLines, type PendingList } from './pending-lines';

/** A line of any kind of order: the product (its hub id), how many, and the numbers that produced it. */
export interface ExplainedOrderLine {
  product: { id: string };
  quantity: number;
  explanation: object;
}

/** Lines for one order of a kind: `key` names the order across calls; `head` is what its payload needs besides the lines. */
export interface OrderPart<Head, Line extends ExplainedOrderLine> {
  key: string;
  head: Head;
  lines: readonly Line[];
}

/** What a kind of order is written with: its reference columns, and how its event's payload is made and checked. */
export interface OrderShape<Head, Line extends ExplainedOrderLine, PayloadLine> {
  kind: OrderKind;
  /** The kind's own uuid columns, as `references` gives their values. */
  referenceColumns: readonly string[];
  references(head: Head): readonly string[];
  /** A line of the payload, made when the order's event is: an order keeps only each line's product and quantity until then. */
  payloadLine(product: Line['product'], quantity: number): PayloadLine;
  /** The event's payload, checked against the receiving system's contract (a refused one throws). */
  payload(id: string, head: Head, lines: readonly PayloadLine[]): Record<string, unknown>;
}

/* About this many lines' payloads go in one statement of events. */
const PAYLOAD_LINES_PER_STATEMENT = 5_000;

const INSERT_ORDERS = (kind: OrderKind, columns: readonly string[]) => `
  insert into ${kind.table} (id, ${columns.join(', ')})
  select * from unnest(${['id', ...columns].map(() => '?::uuid[]').join(', ')})`;

interface OrderInProgress<Head> {
  key: string;
  id: string;
  head: Head;
  /** What its event's payload needs of each line (product, quantity), until the event is made. */
  lines: PendingList;
}

/**
 * Orders of one kind written while their lines are still being made (a run writes each product
 * batch's lines before planning the next): an order's row is inserted when its first lines
 * come, its lines are sent (COPY) as they come, and the event that delivers it — whose payload
 * lists every line — is enqueued by `finish`. In the caller's transaction: pass the
 * transactional EntityManager, so orders and events exist together or not at all.
 */
export class OrderWriter<Head, Line extends ExplainedOrderLine, PayloadLine> {
  private readonly orders = new Map<string, OrderInProgress<Head>>();
  private readonly pending = new PendingLines<Line['product']>();

  constructor(
    private readonly tx: EntityManager,
    private readonly shape: OrderShape<Head, Line, PayloadLine>,
  ) {}

  /** Adds lines to orders, inserting the orders named here for the first time. */
  async add(parts: readonly OrderPart<Head, Line>[]): Promise<void> {
    const { tx, shape } = this;
    const started: OrderInProgress<Head>[] = [];
    for (const part of parts) {
      if (this.orders.has(part.key)) continue;
      const order = { key: part.key, id: randomUUID(), head: part.head, lines: this.pending.list() };
      this.orders.set(part.key, order);
      started.push(order);
    }
    if (started.length > 0) {
      const references = started.map((order) => shape.references(order.head));
      const columns = [started.map((order) => order.id), ...shape.referenceColumns.map((_, index) => references.map((values) => values[index]!))];
      await executeBound(tx, INSERT_ORDERS(shape.kind, shape.referenceColumns), columns.map(sqlArray));
    }
    const lineRows = function* (orders: Map<string, OrderInProgress<Head>>, pending: PendingLines<Line['product']>) {
      for (const part of parts) {
        const order = orders.get(part.key)!;
        for (const line of part.lines) {
          pending.add(order.lines, line.product, line.quantity);
          yield [randomUUID(), order.id, line.product.id, line.quantity, line.explanation];
        }
      }
    };
    // Lines are the bulk of a run's writes (hundreds of thousands, each with its explanation): each row is text only until sent.
    await copyRows(
      tx,
      shape.kind.lines.table,
      ['id', shape.kind.lines.orderColumn, 'product_id', 'quantity', 'explanation'],
      lineRows(this.orders, this.pending),
    );
  }

  /**
   * Makes and checks each order's payload and enqueues the events that deliver them, in
   * `sequence`'s order of their keys (the order they were started in if none), a few thousand
   * lines' payloads a statement. A refused payload throws, failing the caller's transaction.
   * Returns the orders' ids in that order.
   */
  async finish(sequence?: (a: string, b: string) => number): Promise<string[]> {
    const { tx, shape } = this;
    const orders = [...this.orders.values()];
    if (sequence) orders.sort((a, b) => sequence(a.key, b.key));
    const event = (order: OrderInProgress<Head>) => ({
      aggregateType: shape.kind.aggregateType,
      aggregateId: order.id,
      eventType: shape.kind.eventType,
      payload: shape.payload(order.id, order.head, this.pending.map(order.lines, shape.payloadLine)),
    });
    let from = 0;
    let lines = 0;
    for (const [index, order] of orders.entries()) {
      lines += order.lines.length;
      if (lines >= PAYLOAD_LINES_PER_STATEMENT || index === orders.length - 1) {
        await enqueueEventBatch(tx, orders.slice(from, index + 1).map(event));
        from = index + 1;
        lines = 0;
      }
    }
    return orders.map((order) => order.id);
  }
}

/**
 * Writes whole orders (each its head's fields and its lines) at once with an OrderWriter: each
 * order's key is its position. Returns the ids in the orders' sequence.
 */
export async function writeWholeOrders<Head, Line extends ExplainedOrderLine, PayloadLine>(
  tx: EntityManager,
  shape: OrderShape<Head, Line, PayloadLine>,
  orders: readonly (Head & { lines: readonly Line[] })[],
): Promise<string[]> {
  const writer = new OrderWriter(tx, shape);
  await writer.add(orders.map((order, index) => ({ key: String(index), head: order, lines: order.lines })));
  return writer.finish();
}
