import { copyRows, openCopy, type CopyWriter, type EntityManager } from '@hub/db';

/** A row of a run's stock snapshot, in hub ids. */
export type StockSnapshotRow = readonly [runId: string, warehouseId: string, productId: string, onHand: number, reserved: number];

const STOCK_SNAPSHOTS = 'stock_snapshots';
const STOCK_SNAPSHOT_COLUMNS = ['run_id', 'warehouse_id', 'product_id', 'on_hand', 'reserved'];

/** Stores snapshot rows (COPY) in the caller's transaction; returns how many were written. */
export function copyStockSnapshots(em: EntityManager, rows: Iterable<StockSnapshotRow>): Promise<number> {
  return copyRows(em, STOCK_SNAPSHOTS, STOCK_SNAPSHOT_COLUMNS, rows);
}

/** Starts storing snapshot rows as they are read (COPY) in the caller's transaction. */
export function openStockSnapshotCopy(em: EntityManager): Promise<CopyWriter> {
  return openCopy(em, STOCK_SNAPSHOTS, STOCK_SNAPSHOT_COLUMNS);
}
