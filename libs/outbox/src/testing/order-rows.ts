/** Test support (imported by specs only): hub orders an outbox event can describe, written directly. */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@hub/db';
import { enqueueEvent } from '../enqueue';

/** The aggregates whose orders a dead event marks failed. */
export type OrderAggregate = 'transfer_order' | 'external_order';

const INSERT_ORDER_SCAFFOLD = `
  with source as (insert into warehouses (id, external_id, code, name) values (?::uuid, ?, 'SRC', 'Source') returning id),
  target as (insert into warehouses (id, external_id, code, name) values (?::uuid, ?, 'TGT', 'Target') returning id),
  run as (insert into replenishment_runs (id, trigger) values (?::uuid, 'endpoint') returning id)
  select (select id from source) as source_id, (select id from target) as target_id, (select id from run) as run_id`;

/**
 * A hub order of `aggregate`'s kind in `status`, with one event for it (enqueued in the same
 * transaction, as a run does). Returns the order's and the event's ids.
 */
export async function createOrderWithEvent(
  orm: MikroORM,
  aggregate: OrderAggregate,
  status = 'pending',
): Promise<{ orderId: string; eventId: string }> {
  const orderId = randomUUID();
  return orm.em.fork().transactional(async (em) => {
    const [sourceId, targetId, runId] = [randomUUID(), randomUUID(), randomUUID()];
    await em.execute(INSERT_ORDER_SCAFFOLD, [sourceId, `ext-${sourceId}`, targetId, `ext-${targetId}`, runId], 'all');
    if (aggregate === 'transfer_order') {
      await em.execute(
        'insert into transfer_orders (id, run_id, source_warehouse_id, target_warehouse_id, status) values (?::uuid, ?::uuid, ?::uuid, ?::uuid, ?)',
        [orderId, runId, sourceId, targetId, status],
        'run',
      );
    } else {
      await em.execute(
        'insert into external_orders (id, run_id, target_warehouse_id, status) values (?::uuid, ?::uuid, ?::uuid, ?)',
        [orderId, runId, targetId, status],
        'run',
      );
    }
    const eventType = aggregate === 'transfer_order' ? 'CREATE_1C_TRANSFER_ORDER' : 'CREATE_MS_CUSTOMER_ORDER';
    const eventId = await enqueueEvent(em, { aggregateType: aggregate, aggregateId: orderId, eventType, payload: {} });
    return { orderId, eventId };
  });
}

/** The status of a hub order. */
export async function orderStatus(orm: MikroORM, aggregate: OrderAggregate, orderId: string): Promise<string | undefined> {
  const table = aggregate === 'transfer_order' ? 'transfer_orders' : 'external_orders';
  const [row] = await orm.em.fork().execute<{ status: string }[]>(`select status from ${table} where id = ?::uuid`, [orderId], 'all');
  return row?.status;
}
