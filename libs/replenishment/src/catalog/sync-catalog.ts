import type { SessionFactory } from '@hub/db';
import type { SnapshotCatalog } from '../snapshot/planning-snapshot';
import { replaceRules, upsertProductsFromSettings, upsertWarehouses, type RuleUpsert } from '../sql/catalog-sql';

export interface CatalogSyncResult {
  warehouses: number;
  /** Distinct products named by the stock norms. */
  products: number;
  rules: number;
}

/** The catalogue's rules one at a time, in 1С's ids: a million of them are never all objects at once. */
function* ruleUpserts({ warehouses, products, rules }: SnapshotCatalog): Generator<RuleUpsert> {
  for (let row = 0; row < rules.length; row++) {
    yield {
      warehouseId: warehouses[rules.warehouse.at(row)]!.id,
      productId: products.ids[rules.product.at(row)]!,
      min: rules.valueOf('min', row),
      max: rules.valueOf('max', row),
      multiple: rules.valueOf('multiple', row),
    };
  }
}

/**
 * Mirrors 1С's warehouses and stock norms (min/max/multiple per product) into the hub,
 * in one transaction: a failure leaves the previous catalogue untouched. Pass the catalogue
 * as read, before any stock: every product it knows then is one a norm names.
 */
export async function syncCatalog(sessions: SessionFactory, catalog: SnapshotCatalog): Promise<CatalogSyncResult> {
  const { warehouses, products, rules } = catalog;
  await sessions.withSession(async (em) => {
    await upsertWarehouses(
      em,
      warehouses.map((w) => ({ externalId: w.id, code: w.code, name: w.name })),
    );
    await upsertProductsFromSettings(
      em,
      products.ids.map((externalId) => ({ externalId, sku: products.get(externalId)!.sku })),
    );
    await replaceRules(em, ruleUpserts(catalog));
  });
  return { warehouses: warehouses.length, products: products.size, rules: rules.length };
}
