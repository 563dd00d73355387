import type { OneCClient, OneCWarehouse } from '@hub/integrations';
import { mapLimited } from '../catalog/map-limited';
import { ONE_C_CONCURRENCY } from '../catalog/sync-catalog';
import type { PlanningRule, PlanningStock } from '../planner/types';

/** What 1С says a product is: its SKU, and its name once a stock answer gave one. */
export interface OneCProductLabel {
  sku: string;
  name: string | null;
}

/** 1С's warehouses, stock norms and stock right now, in 1С's ids, held in memory only. */
export interface OneCSnapshot {
  warehouses: OneCWarehouse[];
  products: Map<string, OneCProductLabel>;
  rules: PlanningRule[];
  stock: PlanningStock[];
  /** Stock lines 1С returned, before lines of one product in one warehouse are summed. */
  stockItems: number;
}

/**
 * Reads what a run would sync and fetch, without writing any of it: the same calls to
 * 1С, the same summing of several stock lines of one product in one warehouse.
 */
export async function readOneCSnapshot(oneC: OneCClient): Promise<OneCSnapshot> {
  const warehouses = await oneC.listWarehouses();
  const perWarehouse = await mapLimited(warehouses, ONE_C_CONCURRENCY, async (warehouse) => ({
    warehouse,
    settings: await oneC.getReplenishmentSettings(warehouse.id),
    items: await oneC.getStock(warehouse.id),
  }));
  const products = new Map<string, OneCProductLabel>();
  const rules: PlanningRule[] = [];
  const stock = new Map<string, PlanningStock>();
  let stockItems = 0;
  for (const { warehouse, settings, items } of perWarehouse) {
    for (const s of settings) {
      if (!products.has(s.productId)) products.set(s.productId, { sku: s.sku, name: null });
      rules.push({ warehouseId: warehouse.id, productId: s.productId, min: s.min, max: s.max, multiple: s.multiple });
    }
    for (const item of items) {
      stockItems += 1;
      products.set(item.productId, { sku: item.sku, name: item.name });
      const key = `${warehouse.id}\u0000${item.productId}`;
      const held = stock.get(key) ?? { warehouseId: warehouse.id, productId: item.productId, onHand: 0, reserved: 0 };
      stock.set(key, { ...held, onHand: held.onHand + item.onHand, reserved: held.reserved + item.reserved });
    }
  }
  return { warehouses, products, rules, stock: [...stock.values()], stockItems };
}
