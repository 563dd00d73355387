import type { SessionFactory } from '@hub/db';
import type { SnapshotCatalog, SnapshotStock } from '../snapshot/planning-snapshot';
import { upsertNamedProducts } from '../sql/catalog-sql';
import { readCatalogReferences } from '../sql/catalog-references-sql';
import { copyStockSnapshots, type StockSnapshotRow } from '../sql/stock-sql';

export interface StockStoreResult {
  /** Stock lines 1С returned, over all warehouses. */
  items: number;
  /** Snapshot rows stored for the run (one per warehouse and product). */
  snapshots: number;
}

/**
 * Stores a run's stock snapshot (what it planned from, kept for audit), with the products 1С
 * named in its stock answers added or renamed, in one transaction.
 */
export async function storeStock(
  sessions: SessionFactory,
  runId: string,
  { warehouses, products }: Pick<SnapshotCatalog, 'warehouses' | 'products'>,
  stock: SnapshotStock,
): Promise<StockStoreResult> {
  const named = products.ids.flatMap((externalId) => {
    const p = products.get(externalId)!;
    return p.name === null || p.unit === null ? [] : [{ externalId, sku: p.sku, name: p.name, unit: p.unit }];
  });
  const { rows } = stock;
  const snapshots = await sessions.withSession(async (em) => {
    await upsertNamedProducts(em, named);
    const references = await readCatalogReferences(em);
    const hubIds = {
      warehouses: warehouses.map((w) => references.warehouses.get(w.id)?.id),
      products: products.ids.map((id) => references.products.get(id)?.id),
    };
    // A product 1С names nowhere (no norm, no name in its stock line) has no hub row: its stock is not kept.
    function* snapshotRows(): Generator<StockSnapshotRow> {
      for (let row = 0; row < rows.length; row++) {
        const warehouseId = hubIds.warehouses[rows.warehouse.at(row)];
        const productId = hubIds.products[rows.product.at(row)];
        if (warehouseId && productId) yield [runId, warehouseId, productId, rows.valueOf('onHand', row), rows.valueOf('reserved', row)];
      }
    }
    return copyStockSnapshots(em, snapshotRows());
  });
  return { items: stock.lines, snapshots };
}
