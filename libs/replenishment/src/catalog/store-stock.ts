import type { SessionFactory } from '@hub/db';
import type { SnapshotProduct, SnapshotStock } from '../snapshot/planning-snapshot';
import { upsertNamedProducts } from '../sql/catalog-sql';
import { insertStockSnapshots } from '../sql/stock-sql';

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
  stock: SnapshotStock,
  products: ReadonlyMap<string, SnapshotProduct>,
): Promise<StockStoreResult> {
  const named = [...products].flatMap(([externalId, p]) =>
    p.name === null || p.unit === null ? [] : [{ externalId, sku: p.sku, name: p.name, unit: p.unit }],
  );
  const snapshots = await sessions.withSession(async (em) => {
    await upsertNamedProducts(em, named);
    return insertStockSnapshots(em, runId, stock.rows);
  });
  return { items: stock.lines, snapshots };
}
