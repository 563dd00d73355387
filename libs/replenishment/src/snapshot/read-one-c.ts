import type { OneCClient, OneCReplenishmentSetting, OneCStockItem, OneCWarehouse } from '@hub/integrations';
import pLimit from 'p-limit';

/** Calls to 1С in flight at once while reading a whole network. */
export const ONE_C_CONCURRENCY = 4;

/** 1С's warehouses and each one's stock norms (min/max/multiple per product). */
export interface OneCCatalog {
  warehouses: OneCWarehouse[];
  settings: Array<{ warehouse: OneCWarehouse; items: OneCReplenishmentSetting[] }>;
}

/** What 1С holds in each warehouse, as it listed it (several lines of one product are possible). */
export type OneCStock = Array<{ warehouse: OneCWarehouse; items: OneCStockItem[] }>;

/** Reads 1С's warehouses and their stock norms: what a run syncs and a dry run plans from. */
export async function readOneCCatalog(oneC: OneCClient): Promise<OneCCatalog> {
  const warehouses = await oneC.listWarehouses();
  const settings = await pLimit(ONE_C_CONCURRENCY).map(warehouses, async (warehouse) => ({
    warehouse,
    items: await oneC.getReplenishmentSettings(warehouse.id),
  }));
  return { warehouses, settings };
}

/** Reads every warehouse's stock from 1С (readPlanningSnapshot says when: after the sent orders). */
export async function readOneCStock(oneC: OneCClient, warehouses: readonly OneCWarehouse[]): Promise<OneCStock> {
  return pLimit(ONE_C_CONCURRENCY).map(warehouses, async (warehouse) => ({ warehouse, items: await oneC.getStock(warehouse.id) }));
}
