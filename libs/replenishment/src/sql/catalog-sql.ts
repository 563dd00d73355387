import type { EntityManager } from '@hub/db';

/*
 * Batches travel as one jsonb parameter read with jsonb_to_recordset: the driver would
 * expand a JS array parameter into a list of placeholders, and one statement per row
 * would make a network of thousands of SKUs slow.
 */

const UPSERT_WAREHOUSES = `
  insert into warehouses (id, external_id, code, name)
  select gen_random_uuid(), x.external_id, x.code, x.name
  from jsonb_to_recordset(?::jsonb) as x(external_id text, code text, name text)
  on conflict (external_id) do update
    set code = excluded.code, name = excluded.name, updated_at = now()`;

/*
 * Settings know a product's SKU but not its name: a product first seen there is named
 * by its SKU until a stock answer names it (UPSERT_NAMED_PRODUCTS), and never renamed back.
 */
const UPSERT_PRODUCTS_FROM_SETTINGS = `
  insert into products (id, external_id, sku, name)
  select gen_random_uuid(), x.external_id, x.sku, x.sku
  from jsonb_to_recordset(?::jsonb) as x(external_id text, sku text)
  on conflict (external_id) do update set sku = excluded.sku, updated_at = now()`;

const UPSERT_NAMED_PRODUCTS = `
  insert into products (id, external_id, sku, name, unit)
  select gen_random_uuid(), x.external_id, x.sku, x.name, x.unit
  from jsonb_to_recordset(?::jsonb) as x(external_id text, sku text, name text, unit text)
  on conflict (external_id) do update
    set sku = excluded.sku, name = excluded.name, unit = excluded.unit, updated_at = now()`;

/*
 * 1С owns the stock norms and the batch is all of them (every warehouse 1С lists): rules
 * 1С no longer has, including those of warehouses it no longer lists, are removed, so a
 * closed warehouse is never planned as a target; the rest are inserted or updated.
 */
const REPLACE_RULES = `
  with incoming as (
    select w.id as warehouse_id, p.id as product_id, x.min_qty, x.max_qty, x.multiple
    from jsonb_to_recordset(?::jsonb) as x(warehouse_external_id text, product_external_id text, min_qty integer, max_qty integer, multiple integer)
    join warehouses w on w.external_id = x.warehouse_external_id
    join products p on p.external_id = x.product_external_id
  ),
  removed as (
    delete from replenishment_rules r
    where not exists (select 1 from incoming i where i.warehouse_id = r.warehouse_id and i.product_id = r.product_id)
  )
  insert into replenishment_rules (id, warehouse_id, product_id, min_qty, max_qty, multiple)
  select gen_random_uuid(), warehouse_id, product_id, min_qty, max_qty, multiple from incoming
  on conflict (warehouse_id, product_id) do update
    set min_qty = excluded.min_qty, max_qty = excluded.max_qty, multiple = excluded.multiple`;

export interface WarehouseUpsert {
  external_id: string;
  code: string;
  name: string;
}

export interface ProductUpsert {
  external_id: string;
  sku: string;
  name: string;
  unit: string;
}

export interface RuleUpsert {
  warehouse_external_id: string;
  product_external_id: string;
  min_qty: number;
  max_qty: number;
  multiple: number;
}

/** Inserts or updates warehouses by their 1С id. */
export async function upsertWarehouses(em: EntityManager, rows: readonly WarehouseUpsert[]): Promise<void> {
  if (rows.length > 0) await em.execute(UPSERT_WAREHOUSES, [JSON.stringify(rows)], 'run');
}

/** Makes sure every product a rule names exists, without overwriting a known name. */
export async function upsertProductsFromSettings(em: EntityManager, rows: readonly Omit<ProductUpsert, 'name' | 'unit'>[]): Promise<void> {
  if (rows.length > 0) await em.execute(UPSERT_PRODUCTS_FROM_SETTINGS, [JSON.stringify(rows)], 'run');
}

/** Inserts or updates products with the name and unit 1С's stock answer gives. */
export async function upsertNamedProducts(em: EntityManager, rows: readonly ProductUpsert[]): Promise<void> {
  if (rows.length > 0) await em.execute(UPSERT_NAMED_PRODUCTS, [JSON.stringify(rows)], 'run');
}

/** Makes the hub's rules exactly `rules`: pass every rule of every warehouse 1С lists. */
export async function replaceRules(em: EntityManager, rules: readonly RuleUpsert[]): Promise<void> {
  await em.execute(REPLACE_RULES, [JSON.stringify(rules)], 'run');
}
