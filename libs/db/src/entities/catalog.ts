import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** An own warehouse, mirrored from 1С (`external_id` is 1С's reference). */
export const Warehouse = defineEntity({
  name: 'Warehouse',
  tableName: 'warehouses',
  properties: (p) => ({
    id: p.uuid().primary().columnType('uuid'),
    externalId: p.text().columnType('text').unique('warehouses_external_id_unique'),
    code: p.text().columnType('text'),
    name: p.text().columnType('text'),
    createdAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
  }),
});
export type Warehouse = InferEntity<typeof Warehouse>;

/** A product, mirrored from 1С; `sku` is what both sides agree on. */
export const Product = defineEntity({
  name: 'Product',
  tableName: 'products',
  properties: (p) => ({
    id: p.uuid().primary().columnType('uuid'),
    externalId: p.text().columnType('text').unique('products_external_id_unique'),
    sku: p.text().columnType('text').unique('products_sku_unique'),
    name: p.text().columnType('text'),
    unit: p.text().columnType('text').default('pcs'),
    createdAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
  }),
});
export type Product = InferEntity<typeof Product>;

/** Min/max/multiple for one product at one warehouse (Odoo reordering-rule semantics). */
export const ReplenishmentRule = defineEntity({
  name: 'ReplenishmentRule',
  tableName: 'replenishment_rules',
  properties: (p) => ({
    id: p.uuid().primary().columnType('uuid'),
    warehouse: p.manyToOne(Warehouse).fieldName('warehouse_id').deleteRule('cascade'),
    product: p.manyToOne(Product).fieldName('product_id').deleteRule('cascade'),
    minQty: p.integer().columnType('integer'),
    maxQty: p.integer().columnType('integer'),
    multiple: p.integer().columnType('integer').default(1),
    createdAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
  }),
  uniques: [{ name: 'replenishment_rules_warehouse_product_unique', properties: ['warehouse', 'product'] }],
});
export type ReplenishmentRule = InferEntity<typeof ReplenishmentRule>;
