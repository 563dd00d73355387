import type { EntityManager } from '@hub/db';

/* Several rows for one product in one warehouse (1С lists batches, say) are summed. */
const INSERT_STOCK_SNAPSHOTS = `
  insert into stock_snapshots (run_id, warehouse_id, product_id, on_hand, reserved)
  select ?::uuid, w.id, p.id, sum(x.on_hand), sum(x.reserved)
  from jsonb_to_recordset(?::jsonb) as x(warehouse_external_id text, product_external_id text, on_hand integer, reserved integer)
  join warehouses w on w.external_id = x.warehouse_external_id
  join products p on p.external_id = x.product_external_id
  group by w.id, p.id`;

export interface StockSnapshotInsert {
  warehouse_external_id: string;
  product_external_id: string;
  on_hand: number;
  reserved: number;
}

/** Stores the stock 1С reported for a run; returns how many snapshot rows were written. */
export async function insertStockSnapshots(em: EntityManager, runId: string, rows: readonly StockSnapshotInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await em.execute<{ affectedRows: number }>(INSERT_STOCK_SNAPSHOTS, [runId, JSON.stringify(rows)], 'run');
  return result.affectedRows;
}
