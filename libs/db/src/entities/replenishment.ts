import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Product, Warehouse } from './catalog';

export const RUN_TRIGGERS = ['endpoint', 'schedule', 'admin'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One replenishment run: who started it, for which target, how it went. */
export const ReplenishmentRun = defineEntity({
  name: 'ReplenishmentRun',
  tableName: 'replenishment_runs',
  properties: (p) => ({
    id: p.uuid().primary().columnType('uuid'),
    trigger: p.string().$type<RunTrigger>().columnType('text'),
    requestId: p.uuid().columnType('uuid').nullable(),
    targetWarehouseId: p.uuid().columnType('uuid').nullable(),
    parameters: p.json<Record<string, unknown>>().columnType('jsonb').default('{}'),
    status: p.string().$type<RunStatus>().columnType('text').default('queued'),
    counts: p.json<Record<string, number>>().columnType('jsonb').default('{}'),
    error: p.text().columnType('text').nullable(),
    createdAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    startedAt: p.datetime().columnType('timestamptz').nullable(),
    finishedAt: p.datetime().columnType('timestamptz').nullable(),
    /** The admin operator who started the run; null for the schedule and direct API calls. */
    startedBy: p.text().columnType('text').nullable(),
  }),
  indexes: [{ name: 'replenishment_runs_created_at_index', properties: ['createdAt'] }],
});
export type ReplenishmentRun = InferEntity<typeof ReplenishmentRun>;

/**
 * Stock as 1С reported it at the start of a run; the planner's input, kept for audit. A run
 * stores a row per warehouse and product it read (1,000,000 for 200 warehouses × 5,000 SKUs),
 * so the row's warehouse and product carry no foreign key: PostgreSQL checked each by a query
 * of its own, and the two checks were 15 of the 25 s a million rows took to store (issue 13,
 * P3). The ids are the catalogue's own, read in the same transaction, and the hub deletes no
 * warehouse or product. The run's key stays: deleting a run deletes its snapshot.
 */
export const StockSnapshot = defineEntity({
  name: 'StockSnapshot',
  tableName: 'stock_snapshots',
  properties: (p) => ({
    id: p.bigint('string').primary().columnType('bigint').generated('by default as identity'),
    run: p.manyToOne(ReplenishmentRun).fieldName('run_id').deleteRule('cascade'),
    warehouse: p.manyToOne(Warehouse).fieldName('warehouse_id').createForeignKeyConstraint(false),
    product: p.manyToOne(Product).fieldName('product_id').createForeignKeyConstraint(false),
    onHand: p.integer().columnType('integer'),
    reserved: p.integer().columnType('integer'),
    capturedAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
  }),
  uniques: [{ name: 'stock_snapshots_run_warehouse_product_unique', properties: ['run', 'warehouse', 'product'] }],
});
export type StockSnapshot = InferEntity<typeof StockSnapshot>;

/**
 * Where an order of any kind stands (transfer orders and outside orders share the column's
 * values). `failed`: its outbox event went dead, so the other side never got it; it moves
 * nothing. Who moves an order from one to another: libs/orders, status-machine.ts.
 */
export const ORDER_STATUSES = ['pending', 'sent', 'received', 'cancelled', 'failed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A "заказ на перемещение" from one own warehouse to another, delivered to 1С via the outbox. */
export const TransferOrder = defineEntity({
  name: 'TransferOrder',
  tableName: 'transfer_orders',
  properties: (p) => ({
    id: p.uuid().primary().columnType('uuid'),
    run: p.manyToOne(ReplenishmentRun).fieldName('run_id'),
    sourceWarehouse: p.manyToOne(Warehouse).fieldName('source_warehouse_id'),
    targetWarehouse: p.manyToOne(Warehouse).fieldName('target_warehouse_id'),
    status: p.string().$type<OrderStatus>().columnType('text').default('pending'),
    externalId: p.text().columnType('text').nullable(),
    externalNumber: p.text().columnType('text').nullable(),
    createdAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
  }),
  indexes: [
    { name: 'transfer_orders_target_status_index', properties: ['targetWarehouse', 'status'] },
    { name: 'transfer_orders_run_index', properties: ['run'] },
  ],
});
export type TransferOrder = InferEntity<typeof TransferOrder>;

/** One product line of a transfer order, with the numbers that produced it. */
export const TransferOrderLine = defineEntity({
  name: 'TransferOrderLine',
  tableName: 'transfer_order_lines',
  properties: (p) => ({
    id: p.uuid().primary().columnType('uuid'),
    transferOrder: p.manyToOne(TransferOrder).fieldName('transfer_order_id').deleteRule('cascade'),
    product: p.manyToOne(Product).fieldName('product_id'),
    quantity: p.integer().columnType('integer'),
    explanation: p.json<Record<string, unknown>>().columnType('jsonb').default('{}'),
  }),
  indexes: [{ name: 'transfer_order_lines_order_index', properties: ['transferOrder'] }],
});
export type TransferOrderLine = InferEntity<typeof TransferOrderLine>;
