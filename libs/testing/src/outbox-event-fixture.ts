import { randomUUID } from 'node:crypto';
import type { MikroORM, OutboxEventType } from '@hub/db';
import { enqueueEvent } from '@hub/outbox';

/** An outbox event to seed; everything optional. */
export interface SeededEvent {
  aggregateType?: string;
  aggregateId?: string;
  eventType?: OutboxEventType;
  payload?: Record<string, unknown>;
  /** An SQL `set` list applied after the insert, e.g. `status = 'dead', attempts = 10`. */
  set?: string;
}

/** Writes one event (a fresh transfer_order aggregate unless given) and arranges its state. */
export async function seedOutboxEvent(orm: MikroORM, event: SeededEvent = {}): Promise<string> {
  const id = await orm.em.fork().transactional((em) =>
    enqueueEvent(em, {
      aggregateType: event.aggregateType ?? 'transfer_order',
      aggregateId: event.aggregateId ?? randomUUID(),
      eventType: event.eventType ?? 'CREATE_1C_TRANSFER_ORDER',
      payload: event.payload ?? {},
    }),
  );
  if (event.set) await orm.em.fork().execute(`update outbox_events set ${event.set} where id = ?::uuid`, [id], 'run');
  return id;
}

/** A dead event, as the scheduler leaves it after its last failed attempt. */
export const DEAD_EVENT = "status = 'dead', attempts = 10, last_error = '1С answered 500: internal error'";

/** Inserts a transfer order or an external order in `status` (with its warehouses and run); returns its id. */
export async function insertOrderInStatus(orm: MikroORM, table: 'transfer_orders' | 'external_orders', status: string): Promise<string> {
  const [source, target, run, order] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const em = orm.em.fork();
  for (const warehouse of [source, target]) {
    await em.execute('insert into warehouses (id, external_id, code, name) values (?::uuid, ?, ?, ?)', [warehouse, warehouse, warehouse.slice(0, 8), 'Warehouse'], 'run');
  }
  await em.execute(`insert into replenishment_runs (id, trigger) values (?::uuid, 'endpoint')`, [run], 'run');
  if (table === 'transfer_orders') {
    await em.execute(
      'insert into transfer_orders (id, run_id, source_warehouse_id, target_warehouse_id, status) values (?::uuid, ?::uuid, ?::uuid, ?::uuid, ?)',
      [order, run, source, target, status], 'run');
  } else {
    await em.execute('insert into external_orders (id, run_id, target_warehouse_id, status) values (?::uuid, ?::uuid, ?::uuid, ?)', [order, run, target, status], 'run');
  }
  return order;
}

/** An order's status as stored. */
export async function orderStatus(orm: MikroORM, table: 'transfer_orders' | 'external_orders', id: string): Promise<string | undefined> {
  const [row] = await orm.em.fork().execute<{ status: string }[]>(`select status from ${table} where id = ?::uuid`, [id], 'all');
  return row?.status;
}
