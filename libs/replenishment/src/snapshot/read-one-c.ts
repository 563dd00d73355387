import type { OneCClient, OneCReplenishmentSetting, OneCStockItem, OneCWarehouse } from '@hub/integrations';
import pLimit from 'p-limit';

/** Calls to 1С in flight at once while reading a whole network. */
export const ONE_C_CONCURRENCY = 4;

/**
 * Asks 1С the same of every warehouse, ONE_C_CONCURRENCY at a time, and hands each answer to
 * `take` as it arrives, with the warehouse's index in `warehouses`: the caller keeps what it
 * needs of it, and the answer is garbage once `take` returns. A call's slot is free again once
 * `take` has settled: a slow taker slows the read, rather than answers piling up.
 */
async function eachAnswer<T>(
  warehouses: readonly OneCWarehouse[],
  ask: (warehouse: OneCWarehouse) => Promise<T>,
  take: (warehouse: number, answer: T) => void | Promise<void>,
): Promise<void> {
  await pLimit(ONE_C_CONCURRENCY).map([...warehouses.keys()], async (index) => take(index, await ask(warehouses[index]!)));
}

/** Reads each warehouse's stock norms (min/max/multiple per product): what a run syncs and plans from. */
export function readOneCSettings(
  oneC: OneCClient,
  warehouses: readonly OneCWarehouse[],
  take: (warehouse: number, settings: OneCReplenishmentSetting[]) => void | Promise<void>,
): Promise<void> {
  return eachAnswer(warehouses, (warehouse) => oneC.getReplenishmentSettings(warehouse.id), take);
}

/** Reads every warehouse's stock from 1С (readPlanningSnapshot says when: after the sent orders). */
export function readOneCStock(
  oneC: OneCClient,
  warehouses: readonly OneCWarehouse[],
  take: (warehouse: number, items: OneCStockItem[]) => void | Promise<void>,
): Promise<void> {
  return eachAnswer(warehouses, (warehouse) => oneC.getStock(warehouse.id), take);
}
