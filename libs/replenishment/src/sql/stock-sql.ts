import { copyRows, type EntityManager } from '@hub/db';

/** A row of a run's stock snapshot, in hub ids. */
export type StockSnapshotRow = readonly [runId: string, warehouseId: string, productId: string, onHand: number, reserved: number];

const STOCK_SNAPSHOT_COLUMNS = ['run_id', 'warehouse_id', 'product_id', 'on_hand', 'reserved'];

/** Stores the stock 1С reported for a run, streamed (COPY) in the caller's transaction; returns how many rows were written. */
export function copyStockSnapshots(em: EntityManager, rows: Iterable<StockSnapshotRow>): Promise<number> {
  return copyRows(em, 'stock_snapshots', STOCK_SNAPSHOT_COLUMNS, rows);
}
