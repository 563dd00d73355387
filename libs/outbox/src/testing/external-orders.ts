/** Test and benchmark support: pending outside orders and their CREATE_MS_CUSTOMER_ORDER events. */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@hub/db';
import { EXTERNAL_ORDER_AGGREGATE, MS_CUSTOMER_ORDER_EVENT, type MsOrderRequest, type MsOrderRequestLine } from '@hub/integrations';
import { enqueueEvent } from '../enqueue';

/** SKUs the sandbox's МойСклад stocks (the demo catalogue's first products). */
export const DEMO_ORDER_LINES: MsOrderRequestLine[] = [
  { productId: randomUUID(), sku: 'SKU-0020', name: 'Вода питьевая 5 л', quantity: 24 },
  { productId: randomUUID(), sku: 'SKU-0021', name: 'Печенье овсяное 300 г', quantity: 14 },
];

export interface PendingExternalOrder {
  orderId: string;
  request: MsOrderRequest;
}

/**
 * `count` pending external_orders rows for one target warehouse and run (created here), each
 * with the request a replenishment run would put in its event's payload.
 */
export async function createPendingExternalOrders(
  orm: MikroORM,
  count: number,
  lines: MsOrderRequestLine[] = DEMO_ORDER_LINES,
): Promise<PendingExternalOrder[]> {
  const warehouse = { id: randomUUID(), code: 'МГ-001', name: 'Магазин на Тверской' };
  const runId = randomUUID();
  const em = orm.em.fork();
  await em.execute('insert into warehouses (id, external_id, code, name) values (?::uuid, ?, ?, ?)', [warehouse.id, randomUUID(), warehouse.code, warehouse.name], 'run');
  await em.execute(`insert into replenishment_runs (id, trigger) values (?::uuid, 'endpoint')`, [runId], 'run');
  const rows = await em.execute<Array<{ id: string }>>(
    `insert into external_orders (id, run_id, target_warehouse_id)
     select gen_random_uuid(), ?::uuid, ?::uuid from generate_series(1, ?::integer) returning id`,
    [runId, warehouse.id, count],
    'all',
  );
  return rows.map((row) => ({
    orderId: row.id,
    request: { hubOrderId: row.id, runId, targetWarehouse: warehouse, comment: 'what own warehouses could not cover', lines },
  }));
}

/** One CREATE_MS_CUSTOMER_ORDER event per order, in one transaction; returns the event ids in order. */
export async function enqueueMsCustomerOrders(orm: MikroORM, orders: PendingExternalOrder[]): Promise<string[]> {
  return orm.em.fork().transactional(async (em) => {
    const ids: string[] = [];
    for (const order of orders) {
      ids.push(
        await enqueueEvent(em, {
          aggregateType: EXTERNAL_ORDER_AGGREGATE,
          aggregateId: order.orderId,
          eventType: MS_CUSTOMER_ORDER_EVENT,
          payload: order.request,
        }),
      );
    }
    return ids;
  });
}

export async function readExternalOrder(orm: MikroORM, id: string): Promise<{ status: string; external_id: string | null; external_number: string | null }> {
  const [row] = await orm.em.fork().execute<Array<{ status: string; external_id: string | null; external_number: string | null }>>(
    'select status, external_id, external_number from external_orders where id = ?::uuid',
    [id],
    'all',
  );
  if (!row) throw new Error(`external order ${id} not found`);
  return row;
}
