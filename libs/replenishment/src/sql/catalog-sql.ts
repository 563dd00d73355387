import { randomUUID } from 'node:crypto';
import { copyRows, executeBound, sqlArray, sqlColumns, type EntityManager } from '@hub/db';

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
 * 1С owns the stock norms: a sync makes the rules exactly the ones 1С lists, one warehouse's
 * answer at a time while the next answers are read. An answer's rules are copied into a table
 * of the transaction's own (COPY, by 1С ids); one statement removes the warehouse's rules the
 * answer no longer lists, one inserts the new rules and updates the changed ones, leaving an
 * unchanged rule's row as it is; then the table is emptied for the next answer.
 */
const CREATE_ANSWER_RULES = `
  create temporary table answer_rules (
    id uuid not null, warehouse_external_id text not null, product_external_id text not null,
    min_qty integer not null, max_qty integer not null, multiple integer not null
  ) on commit drop`;
const ANSWER_RULES_COLUMNS = ['id', 'warehouse_external_id', 'product_external_id', 'min_qty', 'max_qty', 'multiple'];

/* `not in` a hashed list of the answer's products: a `not exists` looked each product up by index, three times slower. */
const DELETE_WAREHOUSE_RULES_NOT_ANSWERED = `
  delete from replenishment_rules r
  where r.warehouse_id = (select id from warehouses where external_id = ?)
    and r.product_id not in (
      select p.id from answer_rules a join products p on p.external_id = a.product_external_id)`;

const UPSERT_ANSWER_RULES = `
  insert into replenishment_rules as r (id, warehouse_id, product_id, min_qty, max_qty, multiple)
  select a.id, w.id, p.id, a.min_qty, a.max_qty, a.multiple
  from answer_rules a
  join warehouses w on w.external_id = a.warehouse_external_id
  join products p on p.external_id = a.product_external_id
  on conflict (warehouse_id, product_id) do update
    set min_qty = excluded.min_qty, max_qty = excluded.max_qty, multiple = excluded.multiple
    where (r.min_qty, r.max_qty, r.multiple) is distinct from (excluded.min_qty, excluded.max_qty, excluded.multiple)`;

/* A warehouse 1С no longer lists (closed) keeps no rule: never planned as a target. */
const DELETE_RULES_OF_UNLISTED_WAREHOUSES = `
  delete from replenishment_rules r
  using warehouses w
  where w.id = r.warehouse_id and w.external_id <> all(?::text[])`;

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

/** Opens the table an answer's rules are copied into, in the caller's transaction (dropped at its end). */
export async function openAnswerRules(em: EntityManager): Promise<void> {
  await em.execute(CREATE_ANSWER_RULES);
}

/**
 * Makes warehouse `warehouseId`'s rules (1С ids; the warehouse and the products upserted
 * first) exactly `rules`, in the caller's transaction, after openAnswerRules. Returns how
 * many rules were written or removed.
 */
export async function replaceWarehouseRules(
  em: EntityManager,
  warehouseId: string,
  rules: Iterable<RuleUpsert>,
): Promise<{ changed: number; removed: number }> {
  // The id a new rule gets: made here, as PostgreSQL's gen_random_uuid() costs microseconds a row.
  const rows = function* () {
    for (const rule of rules) yield [randomUUID(), rule.warehouseId, rule.productId, rule.min, rule.max, rule.multiple];
  };
  await copyRows(em, 'answer_rules', ANSWER_RULES_COLUMNS, rows());
  const removed = await executeBound(em, DELETE_WAREHOUSE_RULES_NOT_ANSWERED, [warehouseId]);
  const changed = await executeBound(em, UPSERT_ANSWER_RULES, []);
  await em.execute('truncate answer_rules');
  return { changed, removed };
}

/** Removes the rules of every warehouse not in `listedWarehouseIds` (1С ids), in the caller's transaction. */
export function removeRulesOfUnlistedWarehouses(em: EntityManager, listedWarehouseIds: readonly string[]): Promise<number> {
  return executeBound(em, DELETE_RULES_OF_UNLISTED_WAREHOUSES, [sqlArray(listedWarehouseIds)]);
}
