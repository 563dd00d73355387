import {
  ONE_C_CLOSED_TRANSFER_ORDER_STATUSES,
  type OneCClosedTransferOrderStatus,
  type OneCReplenishmentSetting,
  type OneCStockItem,
  type OneCTransferOrderStatus,
} from '@hub/integrations';
import { createDemoSeed } from '../seed/demo-seed';
import type { SandboxProduct, SandboxSeed, SandboxStockRow } from '../seed/seed-types';
import { FaultPlan } from './fault-plan';
import { MoySkladState } from '../moysklad/moysklad-state';
import { TransferOrderBook, type SandboxTransferOrder } from './transfer-order-book';
import { TransferDocumentBook } from '../odata/transfer-documents';

/** Statuses after which an order no longer counts as inbound. */
const CLOSED_STATUSES: readonly OneCTransferOrderStatus[] = ONE_C_CLOSED_TRANSFER_ORDER_STATUSES;

/** What became of a request to receive or cancel an order. */
export type CloseTransferOrderResult =
  { outcome: 'closed'; order: SandboxTransferOrder } | { outcome: 'not_found' } | { outcome: 'already_closed'; order: SandboxTransferOrder };

/** What became of a sale: it needs a known warehouse and product and enough free stock. */
export type SaleResult =
  { outcome: 'sold'; onHand: number } | { outcome: 'unknown_warehouse' } | { outcome: 'unknown_product' } | { outcome: 'not_enough_stock'; available: number };

/**
 * The sandbox's whole world, in memory: catalogue, stock, norms and the transfer orders
 * it received. `reset()` returns to the seed, so tests can share one instance.
 */
export class SandboxState {
  seed: SandboxSeed;
  stock: SandboxStockRow[] = [];
  transferOrders = new TransferOrderBook();
  /** Document_ПеремещениеТоваров written through the OData stand-in (odata/). */
  odataTransfers = new TransferDocumentBook();
  readonly faults = new FaultPlan();
  private productsById = new Map<string, SandboxProduct>();

  /** The МойСклад stand-in's account; reset together with the rest. */
  readonly moysklad: MoySkladState;

  constructor(seed: SandboxSeed = createDemoSeed(), moysklad: MoySkladState = new MoySkladState()) {
    this.seed = seed;
    this.moysklad = moysklad;
    this.reset();
  }

  reset(): void {
    // A deep copy: receiving orders changes stock, and the seed must stay as it was.
    this.stock = structuredClone(this.seed.stock);
    this.productsById = new Map(this.seed.products.map((product) => [product.id, product]));
    this.transferOrders = new TransferOrderBook();
    this.odataTransfers = new TransferDocumentBook();
    this.faults.clear();
    this.moysklad.reset();
  }

  get warehouses() {
    return this.seed.warehouses;
  }

  hasWarehouse(warehouseId: string): boolean {
    return this.seed.warehouses.some((warehouse) => warehouse.id === warehouseId);
  }

  findProduct(productId: string): SandboxProduct | undefined {
    return this.productsById.get(productId);
  }

  stockOf(warehouseId: string): OneCStockItem[] {
    return this.stock
      .filter((row) => row.warehouseId === warehouseId)
      .flatMap((row) => {
        const product = this.productsById.get(row.productId);
        if (!product) return [];
        const { id: productId, sku, name, unit } = product;
        return [{ productId, sku, name, unit, onHand: row.onHand, reserved: row.reserved }];
      });
  }

  settingsOf(warehouseId: string): OneCReplenishmentSetting[] {
    return this.seed.settings
      .filter((row) => row.warehouseId === warehouseId)
      .flatMap((row) => {
        const product = this.productsById.get(row.productId);
        if (!product) return [];
        return [{ productId: row.productId, sku: product.sku, min: row.min, max: row.max, multiple: row.multiple }];
      });
  }

  openTransferOrders(): SandboxTransferOrder[] {
    return this.transferOrders.documents.filter((order) => !CLOSED_STATUSES.includes(order.status));
  }

  /**
   * Closes an open order as 1С would post it: `received` moves its quantities from source
   * to target; `cancelled` moves nothing.
   */
  closeTransferOrder(id: string, status: OneCClosedTransferOrderStatus): CloseTransferOrderResult {
    const order = this.transferOrders.find(id);
    if (!order) return { outcome: 'not_found' };
    if (CLOSED_STATUSES.includes(order.status)) return { outcome: 'already_closed', order };
    if (status === 'received') {
      for (const line of order.lines) {
        this.stockRow(order.sourceWarehouseId, line.productId).onHand -= line.quantity;
        this.stockRow(order.targetWarehouseId, line.productId).onHand += line.quantity;
      }
    }
    order.status = status;
    return { outcome: 'closed', order };
  }

  /** A sale at a warehouse: its on-hand falls, as after a day of trade. Reserved stock is not for sale. */
  sell(warehouseId: string, productId: string, quantity: number): SaleResult {
    if (!this.hasWarehouse(warehouseId)) return { outcome: 'unknown_warehouse' };
    if (!this.productsById.has(productId)) return { outcome: 'unknown_product' };
    const row = this.stockRow(warehouseId, productId);
    const available = row.onHand - row.reserved;
    if (quantity > available) return { outcome: 'not_enough_stock', available };
    row.onHand -= quantity;
    return { outcome: 'sold', onHand: row.onHand };
  }

  private stockRow(warehouseId: string, productId: string): SandboxStockRow {
    let row = this.stock.find((r) => r.warehouseId === warehouseId && r.productId === productId);
    if (!row) {
      row = { warehouseId, productId, onHand: 0, reserved: 0 };
      this.stock.push(row);
    }
    return row;
  }
}
