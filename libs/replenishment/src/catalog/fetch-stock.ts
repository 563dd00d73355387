import type { MikroORM } from '@hub/db';
import type { OneCClient, OneCWarehouse } from '@hub/integrations';
import { upsertNamedProducts } from '../sql/catalog-sql';
import { insertStockSnapshots } from '../sql/stock-sql';
import { readOneCStock } from './read-one-c';

export interface StockFetchResult {
  /** Stock lines 1С returned, over all warehouses. */
  items: number;
  /** Snapshot rows stored for the run (lines of one product in one warehouse summed). */
  snapshots: number;
}

/**
 * Reads every warehouse's stock from 1С and stores it as the run's snapshot, the
 * planner's only source of on-hand and reserved. Products 1С names here are added or
 * renamed in the same transaction.
 */
export async function fetchStock(orm: MikroORM, oneC: OneCClient, runId: string, warehouses: readonly OneCWarehouse[]): Promise<StockFetchResult> {
  const stock = await readOneCStock(oneC, warehouses);
  const products = new Map(stock.flatMap(({ items }) => items.map((i) => [i.productId, { external_id: i.productId, sku: i.sku, name: i.name, unit: i.unit }] as const)));
  const rows = stock.flatMap(({ warehouse, items }) =>
    items.map((i) => ({ warehouse_external_id: warehouse.id, product_external_id: i.productId, on_hand: i.onHand, reserved: i.reserved })),
  );
  const snapshots = await orm.em.fork().transactional(async (em) => {
    await upsertNamedProducts(em, [...products.values()]);
    return insertStockSnapshots(em, runId, rows);
  });
  return { items: rows.length, snapshots };
}
