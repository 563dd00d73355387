import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OneCClient, OneCReplenishmentSetting, OneCStockItem, OneCWarehouse } from '@hub/integrations';
import { seedOrder } from '@hub/orders/testing';
import { StockStore, type StockStoreResult } from '../catalog/store-stock';
import { insertRun } from '../sql/runs-sql';
import { catalogStoredWhileRead, openRunFixture, type RunFixture } from '../testing/run-fixture';
import { readPlanningSnapshot, type SnapshotObserver } from './planning-snapshot';

interface ScriptedNetwork {
  warehouses: OneCWarehouse[];
  settings: Record<string, OneCReplenishmentSetting[]>;
  stock: Record<string, OneCStockItem[]>;
}

/** A 1С whose answers the test sets, recording which kind of question came when. */
function scriptedOneC(network: ScriptedNetwork): OneCClient & { asked: string[] } {
  const asked: string[] = [];
  const unused = () => Promise.reject(new Error('not asked while reading a snapshot'));
  return {
    asked,
    listWarehouses: async () => (asked.push('warehouses'), network.warehouses),
    getReplenishmentSettings: async (id) => (asked.push('norms'), network.settings[id] ?? []),
    getStock: async (id) => (asked.push('stock'), network.stock[id] ?? []),
    listOpenTransferOrders: async () => (asked.push('open orders'), []),
    getTransferOrder: async () => (asked.push('one order'), null),
    createTransferOrder: unused,
  };
}

const setting = (productId: string, min: number, max: number): OneCReplenishmentSetting => ({ productId, sku: `SKU-${productId}`, min, max, multiple: 1 });
const item = (productId: string, onHand: number, name = `Product ${productId}`): OneCStockItem => ({
  productId,
  sku: `SKU-${productId}`,
  name,
  onHand,
  reserved: 1,
  unit: 'pcs',
});

describe('the planning snapshot, and what a run stores of it', () => {
  let fx: RunFixture;
  const rules = () =>
    fx.query<{ warehouse: string; product: string; min_qty: number }>(
      `select w.external_id as warehouse, p.external_id as product, r.min_qty
     from replenishment_rules r join warehouses w on w.id = r.warehouse_id join products p on p.id = r.product_id
     order by 1, 2`,
    );
  const sync = async (network: ScriptedNetwork) => {
    let synced;
    await readPlanningSnapshot(
      { sessions: fx.sessions, oneC: scriptedOneC(network) },
      catalogStoredWhileRead(fx.sessions, (result) => void (synced = result)),
    );
    return synced;
  };

  beforeAll(async () => {
    fx = await openRunFixture();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("mirrors 1С's warehouses and norms, and drops the norms 1С no longer has", async () => {
    await sync({
      warehouses: [
        { id: 'A', code: 'A-1', name: 'Store A' },
        { id: 'B', code: 'B-1', name: 'Store B' },
      ],
      settings: { A: [setting('p1', 5, 10), setting('p2', 1, 2)], B: [setting('p1', 3, 6)] },
      stock: {},
    });
    expect(await rules()).toEqual([
      { warehouse: 'A', product: 'p1', min_qty: 5 },
      { warehouse: 'A', product: 'p2', min_qty: 1 },
      { warehouse: 'B', product: 'p1', min_qty: 3 },
    ]);

    // B closed, A's norm for p1 changed and p2's removed.
    const result = await sync({ warehouses: [{ id: 'A', code: 'A-1', name: 'Store A (renamed)' }], settings: { A: [setting('p1', 7, 10)] }, stock: {} });
    expect(result).toEqual({ warehouses: 1, products: 1, rules: 1 });
    expect(await rules()).toEqual([{ warehouse: 'A', product: 'p1', min_qty: 7 }]);
    expect(await fx.query(`select name from warehouses where external_id = 'A'`)).toEqual([{ name: 'Store A (renamed)' }]);
  });

  it('leaves a norm 1С sends again unchanged as it is stored, and rewrites only the changed one', async () => {
    const network = (p2Max: number): ScriptedNetwork => ({
      warehouses: [{ id: 'C', code: 'C-1', name: 'Store C' }],
      settings: { C: [setting('p1', 5, 10), setting('p2', 1, p2Max)] },
      stock: {},
    });
    // xmin is the transaction that wrote a row's current version: unchanged, no new version was written.
    const versions = () =>
      fx.query<{ product: string; version: string }>(
        `select p.external_id as product, r.xmin::text as version
         from replenishment_rules r join warehouses w on w.id = r.warehouse_id join products p on p.id = r.product_id
         where w.external_id = 'C' order by 1`,
      );
    await sync(network(2));
    const [p1, p2] = await versions();
    await sync(network(4));
    const [p1Again, p2Again] = await versions();
    expect(p1Again).toEqual(p1);
    expect(p2Again!.version).not.toBe(p2!.version);
    expect((await rules()).filter((rule) => rule.warehouse === 'C')).toHaveLength(2);
  });

  it('reads the catalogue, then the sent orders, then stock, telling the observer of each part in that sequence', async () => {
    const oneC = scriptedOneC({
      warehouses: [{ id: 'A', code: 'A-1', name: 'Store A' }],
      settings: { A: [setting('p1', 7, 10)] },
      stock: { A: [item('p1', 4)] },
    });
    const sent = await seedOrder(fx.sessions, { status: 'sent', document: { id: 'doc-1', number: 'ПМ-000001' } });
    const told: string[] = [];

    const snapshot = await readPlanningSnapshot(
      { sessions: fx.sessions, oneC },
      {
        reading: (part) => void told.push(`reading ${part}`),
        catalogRead: async () => void told.push('catalog read'),
        sentOrdersReviewed: async (verdicts) => void told.push(`sent orders reviewed: ${verdicts.map((v) => v.verdict).join()}`),
        stockRead: async () => void told.push('stock read'),
      },
    );

    expect(told).toEqual(['reading catalog', 'catalog read', 'reading sent_orders', 'sent orders reviewed: unknown', 'reading stock', 'stock read']);
    expect(oneC.asked).toEqual(['warehouses', 'norms', 'open orders', 'one order', 'stock']);
    expect(snapshot.sentOrders).toMatchObject([{ verdict: 'unknown', reason: '1С has no transfer order with id doc-1' }]);
    await fx.query('delete from transfer_orders where id = ?', [sent.orderId]);
  });

  // A run gives a StockStore each answer as it arrives; a snapshot read already can be given it whole.
  const storedWhileRead = (runId: string, stored: (result: StockStoreResult) => void): SnapshotObserver => {
    const store = new StockStore(fx.sessions, runId);
    return {
      ...catalogStoredWhileRead(fx.sessions),
      stockAnswered: (stock, from, to, catalog) => store.add(stock, from, to, catalog),
      stockRead: async (stock, catalog) => stored(await store.finish(stock, catalog)),
    };
  };
  const storedAfterRead = (runId: string, stored: (result: StockStoreResult) => void): SnapshotObserver => {
    const store = new StockStore(fx.sessions, runId);
    return {
      ...catalogStoredWhileRead(fx.sessions),
      stockRead: async (stock, catalog) => {
        await store.add(stock, 0, stock.rows.length, catalog);
        stored(await store.finish(stock, catalog));
      },
    };
  };

  it.each([
    ['while it is read', storedWhileRead],
    ['once it is read', storedAfterRead],
  ])(
    'names products from stock, sums repeated stock lines once, and keeps the name when settings mention the product again (stored %s)',
    async (_, observer) => {
      const runId = randomUUID();
      await insertRun(fx.sessions.open(), { id: runId, trigger: 'admin', requestId: null, targetWarehouseId: null, parameters: {}, startedBy: null });
      const network = {
        warehouses: [{ id: 'A', code: 'A-1', name: 'Store A' }],
        settings: { A: [setting('p1', 7, 10)] },
        stock: { A: [item('p1', 4, 'Nails 50 mm'), item('p1', 3, 'Nails 50 mm'), item('p9', 1)] },
      };
      let stored: StockStoreResult | undefined;
      const snapshot = await readPlanningSnapshot(
        { sessions: fx.sessions, oneC: scriptedOneC(network) },
        observer(runId, (result) => void (stored = result)),
      );
      const columns = snapshot.stock.rows;
      const stockRows = Array.from({ length: columns.length }, (_, row) => ({
        warehouseId: snapshot.warehouses[columns.warehouse.at(row)]!.id,
        productId: snapshot.products.ids[columns.product.at(row)]!,
        onHand: columns.valueOf('onHand', row),
        reserved: columns.valueOf('reserved', row),
      }));
      expect(stockRows).toEqual([
        { warehouseId: 'A', productId: 'p1', onHand: 7, reserved: 2 },
        { warehouseId: 'A', productId: 'p9', onHand: 1, reserved: 1 },
      ]);
      expect(stored).toEqual({ items: 3, snapshots: 2 });
      await sync(network);
      const rows = await fx.query<{ product: string; name: string; on_hand: number; reserved: number }>(
        `select p.external_id as product, p.name, s.on_hand, s.reserved from stock_snapshots s join products p on p.id = s.product_id
       where s.run_id = ? order by 1`,
        [runId],
      );
      expect(rows).toEqual([
        { product: 'p1', name: 'Nails 50 mm', on_hand: 7, reserved: 2 },
        { product: 'p9', name: 'Product p9', on_hand: 1, reserved: 1 },
      ]);
    },
  );
});
