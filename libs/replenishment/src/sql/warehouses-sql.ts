import type { EntityManager } from '@hub/db';

/** An own warehouse as operators pick it: `id` is what the API's `warehouse_id` takes. */
export interface WarehouseSummary {
  id: string;
  code: string;
  name: string;
}

const SELECT_WAREHOUSES = `select id, code, name from warehouses order by code, id`;
const SELECT_WAREHOUSE = `select id, code, name from warehouses where id = ?::uuid`;

/** Every warehouse the hub knows (synced from 1С by the runs), by code. */
export async function listWarehouses(em: EntityManager): Promise<WarehouseSummary[]> {
  return em.execute<WarehouseSummary[]>(SELECT_WAREHOUSES, [], 'all');
}

/** One warehouse by hub id, or null. `id` must be a UUID. */
export async function findWarehouse(em: EntityManager, id: string): Promise<WarehouseSummary | null> {
  const rows = await em.execute<WarehouseSummary[]>(SELECT_WAREHOUSE, [id], 'all');
  return rows[0] ?? null;
}
