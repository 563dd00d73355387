import type { SessionFactory } from '@hub/db';
import type { OneCCatalog } from '../snapshot/read-one-c';
import { replaceRules, upsertProductsFromSettings, upsertWarehouses } from '../sql/catalog-sql';

export interface CatalogSyncResult {
  warehouses: number;
  /** Distinct products named by the stock norms. */
  products: number;
  rules: number;
}

/**
 * Mirrors 1С's warehouses and stock norms (min/max/multiple per product) into the hub,
 * in one transaction: a failure leaves the previous catalogue untouched.
 */
export async function syncCatalog(sessions: SessionFactory, catalog: OneCCatalog): Promise<CatalogSyncResult> {
  const products = new Map<string, string>();
  const rules = catalog.settings.flatMap(({ warehouse, items }) =>
    items.map((s) => {
      products.set(s.productId, s.sku);
      return { warehouseId: warehouse.id, productId: s.productId, min: s.min, max: s.max, multiple: s.multiple };
    }),
  );
  await sessions.withSession(async (em) => {
    await upsertWarehouses(
      em,
      catalog.warehouses.map((w) => ({ externalId: w.id, code: w.code, name: w.name })),
    );
    await upsertProductsFromSettings(
      em,
      [...products].map(([externalId, sku]) => ({ externalId, sku })),
    );
    await replaceRules(em, rules);
  });
  return { warehouses: catalog.warehouses.length, products: products.size, rules: rules.length };
}
