import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Product, Warehouse } from './catalog';
import { ReplenishmentRun, type OrderStatus } from './replenishment';

/**
 * What own warehouses could not cover for one target in one run, ordered from the outside
 * supplier as a МойСклад customer order ("заказ покупателя"), delivered via the outbox.
 * `external_id`/`external_number` are МойСклад's id and name once it accepted the order.
 */
export const ExternalOrder = defineEntity({
  name: 'ExternalOrder',
  tableName: 'external_orders',
  properties: (p) => ({
    id: p.uuid().primary().columnType('uuid'),
    run: p.manyToOne(ReplenishmentRun).fieldName('run_id'),
    targetWarehouse: p.manyToOne(Warehouse).fieldName('target_warehouse_id'),
    status: p.string().$type<OrderStatus>().columnType('text').default('pending'),
    externalId: p.text().columnType('text').nullable(),
    externalNumber: p.text().columnType('text').nullable(),
    createdAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
  }),
  indexes: [
    { name: 'external_orders_target_status_index', properties: ['targetWarehouse', 'status'] },
    { name: 'external_orders_run_index', properties: ['run'] },
  ],
});
export type ExternalOrder = InferEntity<typeof ExternalOrder>;

/** One product line of an outside order, with the numbers that produced it. */
export const ExternalOrderLine = defineEntity({
  name: 'ExternalOrderLine',
  tableName: 'external_order_lines',
  properties: (p) => ({
    id: p.uuid().primary().columnType('uuid'),
    externalOrder: p.manyToOne(ExternalOrder).fieldName('external_order_id').deleteRule('cascade'),
    product: p.manyToOne(Product).fieldName('product_id'),
    quantity: p.integer().columnType('integer'),
    explanation: p.json<Record<string, unknown>>().columnType('jsonb').default('{}'),
  }),
  indexes: [{ name: 'external_order_lines_order_index', properties: ['externalOrder'] }],
});
export type ExternalOrderLine = InferEntity<typeof ExternalOrderLine>;
