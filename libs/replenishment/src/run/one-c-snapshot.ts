import type { OneCWarehouse } from '@hub/integrations';
import type { OneCCatalog, OneCStock } from '../catalog/read-one-c';
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
 * The planner's view of what 1С answered, without writing any of it: the rules as a run
 * syncs them, and the stock summed per (warehouse, product) as a run's snapshot insert does.
 */
export function toOneCSnapshot(catalog: OneCCatalog, oneCStock: OneCStock): OneCSnapshot {
  const products = new Map<string, OneCProductLabel>();
  const rules: PlanningRule[] = [];
  const stock = new Map<string, PlanningStock>();
  let stockItems = 0;
  for (const { warehouse, items } of catalog.settings) {
    for (const s of items) {
      if (!products.has(s.productId)) products.set(s.productId, { sku: s.sku, name: null });
      rules.push({ warehouseId: warehouse.id, productId: s.productId, min: s.min, max: s.max, multiple: s.multiple });
    }
  }
  for (const { warehouse, items } of oneCStock) {
    for (const item of items) {
      stockItems += 1;
      products.set(item.productId, { sku: item.sku, name: item.name });
      const key = `${warehouse.id}\u0000${item.productId}`;
      const held = stock.get(key) ?? { warehouseId: warehouse.id, productId: item.productId, onHand: 0, reserved: 0 };
      stock.set(key, { ...held, onHand: held.onHand + item.onHand, reserved: held.reserved + item.reserved });
    }
  }
  return { warehouses: catalog.warehouses, products, rules, stock: [...stock.values()], stockItems };
}
