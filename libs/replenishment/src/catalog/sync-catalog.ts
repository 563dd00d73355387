import type { SessionFactory } from '@hub/db';
import type { SnapshotCatalog } from '../snapshot/planning-snapshot';
import { warehouseChunks } from '../snapshot/snapshot-columns';
import { deleteRulesOfOtherWarehouses, replaceRulesOfWarehouses, upsertProductsFromSettings, upsertWarehouses } from '../sql/catalog-sql';

export interface CatalogSyncResult {
  warehouses: number;
  /** Distinct products named by the stock norms. */
  products: number;
  rules: number;
}

/** Rules a statement: the parameters of one stay a few megabytes, whatever the network's size. */
const RULES_PER_STATEMENT = 20_000;

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
    const synced: string[] = [];
    for (const chunk of warehouseChunks(rules, warehouses.length, RULES_PER_STATEMENT)) {
      const ids = chunk.warehouses.map((warehouse) => warehouses[warehouse]!.id);
      const rows = chunk.rows.map((row) => ({
        warehouseId: warehouses[rules.warehouse.at(row)]!.id,
        productId: products.ids[rules.product.at(row)]!,
        min: rules.valueOf('min', row),
        max: rules.valueOf('max', row),
        multiple: rules.valueOf('multiple', row),
      }));
      await replaceRulesOfWarehouses(em, ids, rows);
      synced.push(...ids);
    }
    await deleteRulesOfOtherWarehouses(em, synced);
  });
  return { warehouses: warehouses.length, products: products.size, rules: rules.length };
}
