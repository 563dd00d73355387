/** Test and benchmark support: hub orders of any kind, written as a run writes them, in any state. */
import { randomUUID } from 'node:crypto';
import { sqlArray, type OrderStatus, type SessionFactory } from '@hub/db';
import type { OneCClient } from '@hub/integrations';
import { EXTERNAL_ORDER } from '../external-order/external-order-kind';
import { writeExternalOrder } from '../external-order/write-external-order';
import type { OrderKind } from '../order-kind';
import { TRANSFER_ORDER } from '../transfer-order/transfer-order-kind';
import { writeTransferOrder } from '../transfer-order/write-transfer-order';

/** A warehouse or product as 1С names it. */
interface CatalogWarehouse {
  externalId: string;
  code: string;
  name: string;
}

/** A product as 1С names it; its SKU is its article in МойСклад. */
interface CatalogProduct {
  externalId: string;
  sku: string;
  name: string;
}

/** What seeded orders name: a donor and a target warehouse, and the products (one line each). */
export interface OrderCatalog {
  source: CatalogWarehouse;
  target: CatalogWarehouse;
  products: readonly CatalogProduct[];
}

/**
 * Made-up 1С ids, and SKUs the sandbox's МойСклад sells (the demo catalogue's articles): an
 * outside order of them is delivered as is; a transfer order needs `catalogFromOneC` instead,
 * since 1С refuses warehouses it does not know.
 */
export const DEMO_CATALOG: OrderCatalog = {
  source: { externalId: 'wh-demo-source', code: 'РЦ-001', name: 'Распределительный центр' },
  target: { externalId: 'wh-demo-target', code: 'МГ-001', name: 'Магазин на Тверской' },
  products: [
    { externalId: 'pr-demo-0020', sku: 'SKU-0020', name: 'Вода питьевая 5 л' },
    { externalId: 'pr-demo-0021', sku: 'SKU-0021', name: 'Печенье овсяное 300 г' },
  ],
};

/** The first two warehouses 1С lists and the first product the first one stocks. */
export async function catalogFromOneC(oneC: Pick<OneCClient, 'listWarehouses' | 'getStock'>): Promise<OrderCatalog> {
  const [source, target] = await oneC.listWarehouses();
  if (!source || !target) throw new Error('1С must list at least two warehouses');
  const [item] = await oneC.getStock(source.id);
  if (!item) throw new Error(`1С's warehouse ${source.id} has no stock`);
  const warehouse = (w: { id: string; code: string; name: string }) => ({ externalId: w.id, code: w.code, name: w.name });
  return { source: warehouse(source), target: warehouse(target), products: [{ externalId: item.productId, sku: item.sku, name: item.name }] };
}

export interface SeedOrdersOptions {
  /** Default: a transfer order. */
  kind?: OrderKind;
  /** Default 1. */
  count?: number;
  /** The status the orders are left in; default pending, as a run writes them. */
  status?: OrderStatus;
  /** Default DEMO_CATALOG. */
  catalog?: OrderCatalog;
  /** How many of each product an order asks for; default 6. */
  quantity?: number;
  /** The numbers every line was produced by; default `{ allocated: quantity }`. */
  explanation?: object;
  /** A run already recorded to add the orders to; default a new succeeded one. */
  runId?: string;
  /** The other side's document, stored as the orders' external id and number (as a delivery does). */
  document?: { id: string; number: string };
}

/** A seeded order and the event that delivers it. */
export interface SeededOrder {
  orderId: string;
  eventId: string;
  runId: string;
  targetWarehouseId: string;
}

const UPSERT_WAREHOUSE = `
  insert into warehouses (id, external_id, code, name) values (gen_random_uuid(), ?, ?, ?)
  on conflict (external_id) do update set code = excluded.code returning id`;
const UPSERT_PRODUCT = `
  insert into products (id, external_id, sku, name) values (gen_random_uuid(), ?, ?, ?)
  on conflict (external_id) do update set sku = excluded.sku returning id`;
const INSERT_RUN = `insert into replenishment_runs (id, trigger, status) values (?::uuid, 'endpoint', 'succeeded')`;
const SELECT_EVENTS = `select aggregate_id, id from outbox_events where aggregate_id = any(?::uuid[])`;

/**
 * `count` orders of one run, each with a line per catalogue product and its event, written by the kind's own
 * `write…` (so the payloads are what a run enqueues), then moved to `status` if asked.
 */
export async function seedOrders(sessions: SessionFactory, options: SeedOrdersOptions = {}): Promise<SeededOrder[]> {
  const { kind = TRANSFER_ORDER, count = 1, status = 'pending', catalog = DEMO_CATALOG, quantity = 6 } = options;
  const explanation = options.explanation ?? { allocated: quantity };
  return sessions.withSession(async (tx) => {
    const upsertWarehouse = async (w: CatalogWarehouse) => (await tx.execute<{ id: string }[]>(UPSERT_WAREHOUSE, [w.externalId, w.code, w.name], 'all'))[0]!.id;
    const [sourceId, targetId] = [await upsertWarehouse(catalog.source), await upsertWarehouse(catalog.target)];
    const products = [];
    for (const product of catalog.products) {
      const [row] = await tx.execute<{ id: string }[]>(UPSERT_PRODUCT, [product.externalId, product.sku, product.name], 'all');
      products.push({ id: row!.id, ...product });
    }
    const runId = options.runId ?? randomUUID();
    if (options.runId === undefined) await tx.execute(INSERT_RUN, [runId], 'run');

    const orderIds: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const lines = products.map((product) => ({ product, quantity, explanation }));
      orderIds.push(
        kind.aggregateType === EXTERNAL_ORDER.aggregateType ?
          await writeExternalOrder(tx, { runId, target: { id: targetId, code: catalog.target.code, name: catalog.target.name }, lines })
        : await writeTransferOrder(tx, {
            runId,
            source: { id: sourceId, externalId: catalog.source.externalId },
            target: { id: targetId, externalId: catalog.target.externalId },
            lines,
          }),
      );
    }
    if (status !== 'pending') await tx.execute(`update ${kind.table} set status = ? where id = any(?::uuid[])`, [status, sqlArray(orderIds)], 'run');
    if (options.document) {
      const { id, number } = options.document;
      await tx.execute(`update ${kind.table} set external_id = ?, external_number = ? where id = any(?::uuid[])`, [id, number, sqlArray(orderIds)], 'run');
    }
    const events = new Map(
      (await tx.execute<{ aggregate_id: string; id: string }[]>(SELECT_EVENTS, [sqlArray(orderIds)], 'all')).map((e) => [e.aggregate_id, e.id]),
    );
    return orderIds.map((orderId) => ({ orderId, eventId: events.get(orderId)!, runId, targetWarehouseId: targetId }));
  });
}

/** An order's stored state. */
export async function readOrder(
  sessions: SessionFactory,
  kind: OrderKind,
  orderId: string,
): Promise<{ status: OrderStatus; external_id: string | null; external_number: string | null } | undefined> {
  const [row] = await sessions
    .open()
    .execute<Array<{ status: OrderStatus; external_id: string | null; external_number: string | null }>>(
      `select status, external_id, external_number from ${kind.table} where id = ?::uuid`,
      [orderId],
      'all',
    );
  return row;
}

/** The names an outbox event of `kind` carries, to seed one directly (`seedOutboxEvent(sessions, { ...eventNamesOf(kind), set })`). */
export function eventNamesOf(kind: OrderKind): { eventType: string; aggregateType: string } {
  return { eventType: kind.eventType, aggregateType: kind.aggregateType };
}

/** `seedOrders` for one order. */
export async function seedOrder(sessions: SessionFactory, options: Omit<SeedOrdersOptions, 'count'> = {}): Promise<SeededOrder> {
  const [order] = await seedOrders(sessions, { ...options, count: 1 });
  return order!;
}
