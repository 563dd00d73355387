import { executeBound, sqlArray, sqlColumns, type EntityManager } from '@hub/db';

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
 * 1С owns the stock norms. A batch holds every norm of some warehouses: their rules 1С no
 * longer has are removed, the rest inserted or updated. Parameters: the rules' columns, then
 * the batch's warehouses (by 1С id).
 */
const REPLACE_RULES_OF_WAREHOUSES = `
  with incoming as (
    select w.id as warehouse_id, p.id as product_id, x.min_qty, x.max_qty, x.multiple
    from unnest(?::text[], ?::text[], ?::integer[], ?::integer[], ?::integer[])
      as x(warehouse_external_id, product_external_id, min_qty, max_qty, multiple)
    join warehouses w on w.external_id = x.warehouse_external_id
    join products p on p.external_id = x.product_external_id
  ),
  removed as (
    delete from replenishment_rules r
    where r.warehouse_id in (select w.id from warehouses w where w.external_id = any (?::text[]))
      and not exists (select 1 from incoming i where i.warehouse_id = r.warehouse_id and i.product_id = r.product_id)
  )
  insert into replenishment_rules (id, warehouse_id, product_id, min_qty, max_qty, multiple)
  select gen_random_uuid(), warehouse_id, product_id, min_qty, max_qty, multiple from incoming
  on conflict (warehouse_id, product_id) do update
    set min_qty = excluded.min_qty, max_qty = excluded.max_qty, multiple = excluded.multiple`;

/* Every rule of a warehouse 1С no longer lists, or lists without norms: a closed warehouse is never planned as a target. */
const DELETE_RULES_OF_OTHER_WAREHOUSES = `
  delete from replenishment_rules r
  where not exists (select 1 from warehouses w where w.id = r.warehouse_id and w.external_id = any (?::text[]))`;

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
 * Makes the rules of `warehouseIds` (1С ids) exactly `rules`, which name only those warehouses:
 * one batch of a sync, which deleteRulesOfOtherWarehouses completes.
 */
export async function replaceRulesOfWarehouses(em: EntityManager, warehouseIds: readonly string[], rules: readonly RuleUpsert[]): Promise<void> {
  const columns = sqlColumns(rules, ['warehouseId', 'productId', 'min', 'max', 'multiple']);
  await executeBound(em, REPLACE_RULES_OF_WAREHOUSES, [...columns, sqlArray(warehouseIds)]);
}

/** Removes every rule of a warehouse not among `warehouseIds` (1С ids): those replaceRulesOfWarehouses was given. */
export async function deleteRulesOfOtherWarehouses(em: EntityManager, warehouseIds: readonly string[]): Promise<void> {
  await executeBound(em, DELETE_RULES_OF_OTHER_WAREHOUSES, [sqlArray(warehouseIds)]);
}
