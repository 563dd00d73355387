import type { MikroORM } from '@hub/db';
import type { OneCClient, OneCWarehouse } from '@hub/integrations';
import { replaceRules, upsertProductsFromSettings, upsertWarehouses } from '../sql/catalog-sql';
import { readOneCCatalog } from './read-one-c';

export interface CatalogSyncResult {
  warehouses: OneCWarehouse[];
  /** Distinct products named by the stock norms. */
  products: number;
  rules: number;
}

/**
 * Mirrors 1С's warehouses and stock norms (min/max/multiple per product) into the hub,
 * in one transaction: a failed read leaves the previous catalogue untouched.
 */
export async function syncCatalog(orm: MikroORM, oneC: OneCClient): Promise<CatalogSyncResult> {
  const { warehouses, settings } = await readOneCCatalog(oneC);
  const products = new Map<string, string>();
  const rules = settings.flatMap(({ warehouse, items }) =>
    items.map((s) => {
      products.set(s.productId, s.sku);
      return { warehouse_external_id: warehouse.id, product_external_id: s.productId, min_qty: s.min, max_qty: s.max, multiple: s.multiple };
    }),
  );
  await orm.em.fork().transactional(async (em) => {
    await upsertWarehouses(em, warehouses.map((w) => ({ external_id: w.id, code: w.code, name: w.name })));
    await upsertProductsFromSettings(em, [...products].map(([externalId, sku]) => ({ external_id: externalId, sku })));
    await replaceRules(em, rules);
  });
  return { warehouses, products: products.size, rules: rules.length };
}
