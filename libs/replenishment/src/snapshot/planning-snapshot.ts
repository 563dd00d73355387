import type { SessionFactory } from '@hub/db';
import type { OneCClient, OneCWarehouse } from '@hub/integrations';
import type { PlanningRule, PlanningStock } from '../planner/types';
import { readOneCCatalog, readOneCStock, type OneCCatalog, type OneCStock } from './read-one-c';
import { reviewSentOrders, type SentOrderVerdict } from './sent-orders';

/** A product as 1С describes it; a norm names only its SKU, a stock line also its name and unit. */
export interface SnapshotProduct {
  sku: string;
  name: string | null;
  unit: string | null;
}

/** Stock as 1С reported it, one row per (warehouse, product) in 1С's ids. */
export interface SnapshotStock {
  rows: PlanningStock[];
  /** Stock lines 1С returned, before lines of one product in one warehouse were summed. */
  lines: number;
}

/**
 * What a plan is made from, besides the hub's open orders (see readOpenOrders), all in 1С's
 * ids: what a run stores, and what a dry run plans from without storing anything.
 */
export interface PlanningSnapshot {
  warehouses: OneCWarehouse[];
  /** 1С's norms as the planner reads them. */
  rules: PlanningRule[];
  /** Every product a norm or a stock line names, by 1С id. */
  products: Map<string, SnapshotProduct>;
  /** What 1С says of each hub transfer order it had accepted. */
  sentOrders: SentOrderVerdict[];
  stock: SnapshotStock;
}

/** The parts of a snapshot, in the sequence they are read. */
export type SnapshotPart = 'catalog' | 'sent_orders' | 'stock';

/**
 * Told about each part as it is read: a run stores and logs each one before the next is read,
 * and knows which part a failure belongs to.
 */
export interface SnapshotObserver {
  reading?(part: SnapshotPart): void;
  catalogRead?(catalog: OneCCatalog): Promise<void>;
  sentOrdersReviewed?(verdicts: SentOrderVerdict[]): Promise<void>;
  stockRead?(stock: SnapshotStock, products: Map<string, SnapshotProduct>): Promise<void>;
}

/** 1С's norms as rules, and every product they name. */
function rulesOf(catalog: OneCCatalog, products: Map<string, SnapshotProduct>): PlanningRule[] {
  return catalog.settings.flatMap(({ warehouse, items }) =>
    items.map((s) => {
      if (!products.has(s.productId)) products.set(s.productId, { sku: s.sku, name: null, unit: null });
      return { warehouseId: warehouse.id, productId: s.productId, min: s.min, max: s.max, multiple: s.multiple };
    }),
  );
}

/** Stock summed per (warehouse, product): 1С may list a product in several lines (batches, say). */
function sumStock(oneCStock: OneCStock, products: Map<string, SnapshotProduct>): SnapshotStock {
  const rows = new Map<string, PlanningStock>();
  let lines = 0;
  for (const { warehouse, items } of oneCStock) {
    for (const item of items) {
      lines += 1;
      products.set(item.productId, { sku: item.sku, name: item.name, unit: item.unit });
      const key = `${warehouse.id}\u0000${item.productId}`;
      const held = rows.get(key) ?? { warehouseId: warehouse.id, productId: item.productId, onHand: 0, reserved: 0 };
      rows.set(key, { ...held, onHand: held.onHand + item.onHand, reserved: held.reserved + item.reserved });
    }
  }
  return { rows: [...rows.values()], lines };
}

/**
 * Reads what a plan is made from, in the one sequence that is correct: 1С's catalogue
 * (warehouses, norms), then what 1С says of the hub's sent orders, then stock. Stock comes
 * after the sent orders, never before: an order received in between is then counted twice
 * for one plan (stock and inbound: a short order the next run makes up), never not at all
 * (which would order the same goods again). The hub's open orders are read last, by the
 * caller (readOpenOrders): a run reads them under the planning lock.
 */
export async function readPlanningSnapshot(
  sources: { sessions: SessionFactory; oneC: OneCClient },
  observer: SnapshotObserver = {},
): Promise<PlanningSnapshot> {
  observer.reading?.('catalog');
  const catalog = await readOneCCatalog(sources.oneC);
  await observer.catalogRead?.(catalog);

  observer.reading?.('sent_orders');
  const sentOrders = await reviewSentOrders(sources);
  await observer.sentOrdersReviewed?.(sentOrders);

  observer.reading?.('stock');
  const products = new Map<string, SnapshotProduct>();
  const rules = rulesOf(catalog, products);
  const stock = sumStock(await readOneCStock(sources.oneC, catalog.warehouses), products);
  await observer.stockRead?.(stock, products);

  return { warehouses: catalog.warehouses, rules, products, sentOrders, stock };
}
