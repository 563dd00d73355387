import type { SessionFactory } from '@hub/db';
import type { OneCClient, OneCReplenishmentSetting, OneCStockItem, OneCWarehouse } from '@hub/integrations';
import { readOneCSettings, readOneCStock } from './read-one-c';
import { reviewSentOrders, type SentOrderVerdict } from './sent-orders';
import { RULE_FIELDS, SnapshotProducts, SnapshotRows, STOCK_FIELDS, type RuleRows, type StockRows } from './snapshot-columns';

export type { SnapshotProduct } from './snapshot-columns';

/** 1С's warehouses and their norms, in 1С's ids; when read, every product known is one a norm names. */
export interface SnapshotCatalog {
  warehouses: OneCWarehouse[];
  products: SnapshotProducts;
  /** One row per norm: warehouse (index in `warehouses`), product (index in `products`), min, max, multiple. */
  rules: RuleRows;
}

/** Stock as 1С reported it, one row per (warehouse, product). */
export interface SnapshotStock {
  rows: StockRows;
  /** Stock lines 1С returned, before lines of one product in one warehouse were summed. */
  lines: number;
}

/**
 * What a plan is made from, besides the hub's open orders (see readOpenOrders), all in 1С's
 * ids: what a run stores, and what a dry run plans from without storing anything. Rows are
 * columns of numbers (snapshot-columns.ts); snapshotProductBatches turns them into the
 * planner's rows a product batch at a time.
 */
export interface PlanningSnapshot extends SnapshotCatalog {
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
  /**
   * One warehouse's norms, as soon as they are copied in: rows `from` to `to` of
   * `catalog.rules`, every norm 1С lists for warehouse `warehouse` (none: it lists none).
   * Awaited before that answer's call to 1С is free again.
   */
  settingsAnswered?(catalog: SnapshotCatalog, warehouse: number, from: number, to: number): Promise<void>;
  catalogRead?(catalog: SnapshotCatalog): Promise<void>;
  sentOrdersReviewed?(verdicts: SentOrderVerdict[]): Promise<void>;
  /**
   * One warehouse's stock, as soon as it is copied in: rows `from` to `to` of `stock.rows`,
   * final (a product's lines summed). Awaited before that answer's call to 1С is free again.
   */
  stockAnswered?(stock: SnapshotStock, from: number, to: number, catalog: SnapshotCatalog): Promise<void>;
  stockRead?(stock: SnapshotStock, catalog: SnapshotCatalog): Promise<void>;
}

/** Copies one warehouse's norms in: one rule row each. */
function addSettings(catalog: SnapshotCatalog, warehouse: number, settings: readonly OneCReplenishmentSetting[]): void {
  for (const s of settings) catalog.rules.push(warehouse, catalog.products.named(s.productId, s.sku), s);
}

/** Copies one warehouse's stock in, summed per product: 1С may list a product in several lines (batches, say). */
function addStock(stock: SnapshotStock, products: SnapshotProducts, warehouse: number, items: readonly OneCStockItem[]): void {
  const rowOf = new Map<number, number>();
  for (const item of items) {
    stock.lines += 1;
    const product = products.describe(item.productId, { sku: item.sku, name: item.name, unit: item.unit }, warehouse);
    const row = rowOf.get(product);
    if (row === undefined) rowOf.set(product, stock.rows.push(warehouse, product, item));
    else {
      stock.rows.values.onHand.add(row, item.onHand);
      stock.rows.values.reserved.add(row, item.reserved);
    }
  }
}

/**
 * Reads what a plan is made from, in the one sequence that is correct: 1С's catalogue
 * (warehouses, norms), then what 1С says of the hub's sent orders, then stock. Stock comes
 * after the sent orders, never before: an order received in between is then counted twice
 * for one plan (stock and inbound: a short order the next run makes up), never not at all
 * (which would order the same goods again). The hub's open orders are read last, by the
 * caller (readOpenOrders): a run reads them under the planning lock. Each of 1С's answers is
 * copied into columns as it arrives and dropped.
 */
export async function readPlanningSnapshot(
  sources: { sessions: SessionFactory; oneC: OneCClient },
  observer: SnapshotObserver = {},
): Promise<PlanningSnapshot> {
  observer.reading?.('catalog');
  const warehouses = await sources.oneC.listWarehouses();
  const catalog: SnapshotCatalog = { warehouses, products: new SnapshotProducts(), rules: new SnapshotRows(RULE_FIELDS) };
  await readOneCSettings(sources.oneC, warehouses, async (warehouse, settings) => {
    const from = catalog.rules.length;
    addSettings(catalog, warehouse, settings);
    await observer.settingsAnswered?.(catalog, warehouse, from, catalog.rules.length);
  });
  await observer.catalogRead?.(catalog);
  observer.reading?.('sent_orders');
  const sentOrders = await reviewSentOrders(sources);
  await observer.sentOrdersReviewed?.(sentOrders);
  observer.reading?.('stock');
  const stock: SnapshotStock = { rows: new SnapshotRows(STOCK_FIELDS), lines: 0 };
  await readOneCStock(sources.oneC, warehouses, async (warehouse, items) => {
    const from = stock.rows.length;
    addStock(stock, catalog.products, warehouse, items);
    await observer.stockAnswered?.(stock, from, stock.rows.length, catalog);
  });
  await observer.stockRead?.(stock, catalog);
  return { ...catalog, sentOrders, stock };
}
