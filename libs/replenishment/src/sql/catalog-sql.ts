import { randomUUID } from 'node:crypto';
import { copyRows, executeBound, sqlColumns, type EntityManager } from '@hub/db';

/*
 * Batches travel as one array per column, read with unnest: one statement per batch, however
 * many thousands of SKUs a network has, its parameters bound (executeBound), not inlined.
 */

const UPSERT_WAREHOUSES = `
  insert into warehouses (id, external_id, code, name)
  select gen_random_uuid(), x.external_id, x.code, x.name
  from unnest(?::text[], ?::text[], ?::text[]) as x(external_id, code, name)
  on conflict (external_id) do update
    set code = excluded.code, name = excluded.name, updated_at = now()`;

/*
 * Settings know a product's SKU but not its name: a product first seen there is named
 * by its SKU until a stock answer names it (UPSERT_NAMED_PRODUCTS), and never renamed back.
 */
const UPSERT_PRODUCTS_FROM_SETTINGS = `
  insert into products (id, external_id, sku, name)
  select gen_random_uuid(), x.external_id, x.sku, x.sku
  from unnest(?::text[], ?::text[]) as x(external_id, sku)
  on conflict (external_id) do update set sku = excluded.sku, updated_at = now()`;

const UPSERT_NAMED_PRODUCTS = `
  insert into products (id, external_id, sku, name, unit)
  select gen_random_uuid(), x.external_id, x.sku, x.name, x.unit
  from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as x(external_id, sku, name, unit)
  on conflict (external_id) do update
    set sku = excluded.sku, name = excluded.name, unit = excluded.unit, updated_at = now()`;

/*
 * 1С owns the stock norms: a sync makes the rules exactly the ones 1С lists. They are copied
 * into a table of the transaction's own (COPY, by 1С ids), then one statement removes every
 * rule 1С no longer lists (a closed warehouse's too: never planned as a target) and one inserts
 * the new rules and updates the changed ones, leaving an unchanged rule's row as it is.
 */
const CREATE_INCOMING_RULES = `
  create temporary table incoming_rules (
    id uuid not null, warehouse_external_id text not null, product_external_id text not null,
    min_qty integer not null, max_qty integer not null, multiple integer not null
  ) on commit drop`;
const INCOMING_RULES_COLUMNS = ['id', 'warehouse_external_id', 'product_external_id', 'min_qty', 'max_qty', 'multiple'];

const DELETE_RULES_NOT_INCOMING = `
  delete from replenishment_rules r
  where not exists (
    select 1 from incoming_rules i
    join warehouses w on w.external_id = i.warehouse_external_id
    join products p on p.external_id = i.product_external_id
    where w.id = r.warehouse_id and p.id = r.product_id)`;

const UPSERT_INCOMING_RULES = `
  insert into replenishment_rules as r (id, warehouse_id, product_id, min_qty, max_qty, multiple)
  select i.id, w.id, p.id, i.min_qty, i.max_qty, i.multiple
  from incoming_rules i
  join warehouses w on w.external_id = i.warehouse_external_id
  join products p on p.external_id = i.product_external_id
  on conflict (warehouse_id, product_id) do update
    set min_qty = excluded.min_qty, max_qty = excluded.max_qty, multiple = excluded.multiple
    where (r.min_qty, r.max_qty, r.multiple) is distinct from (excluded.min_qty, excluded.max_qty, excluded.multiple)`;

/** A warehouse by its 1С id. */
export interface WarehouseUpsert {
  externalId: string;
  code: string;
  name: string;
}

/** A product by its 1С id, named as 1С's stock answer names it. */
export interface ProductUpsert {
  externalId: string;
  sku: string;
  name: string;
  unit: string;
}

/** A norm, by the 1С ids of its warehouse and product. */
export interface RuleUpsert {
  warehouseId: string;
  productId: string;
  min: number;
  max: number;
  multiple: number;
}

/** Inserts or updates warehouses by their 1С id. */
export async function upsertWarehouses(em: EntityManager, rows: readonly WarehouseUpsert[]): Promise<void> {
  if (rows.length > 0) await executeBound(em, UPSERT_WAREHOUSES, sqlColumns(rows, ['externalId', 'code', 'name']));
}

/** Makes sure every product a rule names exists, without overwriting a known name. */
export async function upsertProductsFromSettings(em: EntityManager, rows: readonly Pick<ProductUpsert, 'externalId' | 'sku'>[]): Promise<void> {
  if (rows.length > 0) await executeBound(em, UPSERT_PRODUCTS_FROM_SETTINGS, sqlColumns(rows, ['externalId', 'sku']));
}

/** Inserts or updates products with the name and unit 1С's stock answer gives. */
export async function upsertNamedProducts(em: EntityManager, rows: readonly ProductUpsert[]): Promise<void> {
  if (rows.length > 0) await executeBound(em, UPSERT_NAMED_PRODUCTS, sqlColumns(rows, ['externalId', 'sku', 'name', 'unit']));
}

/**
 * Makes the hub's rules exactly `rules` (in 1С's ids; warehouses and products upserted
 * first), in the caller's transaction. Returns how many rules were written or removed.
 */
export async function replaceRules(em: EntityManager, rules: Iterable<RuleUpsert>): Promise<{ changed: number; removed: number }> {
  await em.execute(CREATE_INCOMING_RULES);
  // The id a new rule gets: made here, as PostgreSQL's gen_random_uuid() costs microseconds a row.
  const rows = function* () {
    for (const rule of rules) yield [randomUUID(), rule.warehouseId, rule.productId, rule.min, rule.max, rule.multiple];
  };
  await copyRows(em, 'incoming_rules', INCOMING_RULES_COLUMNS, rows());
  // A table of the transaction's own is never analysed by autovacuum: without it the plans below guess its size.
  await em.execute('analyze incoming_rules');
  const removed = await executeBound(em, DELETE_RULES_NOT_INCOMING, []);
  const changed = await executeBound(em, UPSERT_INCOMING_RULES, []);
  return { changed, removed };
}
