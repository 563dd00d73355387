import type { SessionFactory } from '@hub/db';
import type { SnapshotCatalog, SnapshotStock } from '../snapshot/planning-snapshot';
import { warehouseChunks } from '../snapshot/snapshot-columns';
import { upsertNamedProducts } from '../sql/catalog-sql';
import { insertStockSnapshots } from '../sql/stock-sql';

export interface StockStoreResult {
  /** Stock lines 1С returned, over all warehouses. */
  items: number;
  /** Snapshot rows stored for the run (one per warehouse and product). */
  snapshots: number;
}

/** Snapshot rows a statement: the parameters of one stay a few megabytes, whatever the network's size. */
const ROWS_PER_STATEMENT = 20_000;

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
    let stored = 0;
    for (const chunk of warehouseChunks(rows, warehouses.length, ROWS_PER_STATEMENT)) {
      const batch = chunk.rows.map((row) => ({
        warehouseId: warehouses[rows.warehouse.at(row)]!.id,
        productId: products.ids[rows.product.at(row)]!,
        onHand: rows.valueOf('onHand', row),
        reserved: rows.valueOf('reserved', row),
      }));
      stored += await insertStockSnapshots(em, runId, batch);
    }
    return stored;
  });
  return { items: stock.lines, snapshots };
}
