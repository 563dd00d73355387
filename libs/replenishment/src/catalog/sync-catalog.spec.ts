import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OneCClient, OneCReplenishmentSetting, OneCStockItem, OneCWarehouse } from '@hub/integrations';
import { insertRun } from '../sql/runs-sql';
import { openRunFixture, type RunFixture } from '../testing/run-fixture';
import { fetchStock } from './fetch-stock';
import { syncCatalog } from './sync-catalog';

/** A 1С whose answers the test sets; only the reads a sync makes. */
function scriptedOneC(network: { warehouses: OneCWarehouse[]; settings: Record<string, OneCReplenishmentSetting[]>; stock: Record<string, OneCStockItem[]> }): OneCClient {
  const unused = () => Promise.reject(new Error('not used by a catalogue sync'));
  return {
    listWarehouses: async () => network.warehouses,
    getReplenishmentSettings: async (id) => network.settings[id] ?? [],
    getStock: async (id) => network.stock[id] ?? [],
    listOpenTransferOrders: unused,
    getTransferOrder: unused,
    createTransferOrder: unused,
  };
}

const setting = (productId: string, min: number, max: number): OneCReplenishmentSetting => ({ productId, sku: `SKU-${productId}`, min, max, multiple: 1 });
const item = (productId: string, onHand: number, name = `Product ${productId}`): OneCStockItem => ({
  productId, sku: `SKU-${productId}`, name, onHand, reserved: 0, unit: 'pcs',
});

describe('syncCatalog and fetchStock', () => {
  let fx: RunFixture;
  const rules = () => fx.query<{ warehouse: string; product: string; min_qty: number }>(
    `select w.external_id as warehouse, p.external_id as product, r.min_qty
     from replenishment_rules r join warehouses w on w.id = r.warehouse_id join products p on p.id = r.product_id
     order by 1, 2`);

  beforeAll(async () => {
    fx = await openRunFixture();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('mirrors 1С\'s warehouses and norms, and drops the norms 1С no longer has', async () => {
    await syncCatalog(fx.orm, scriptedOneC({
      warehouses: [{ id: 'A', code: 'A-1', name: 'Store A' }, { id: 'B', code: 'B-1', name: 'Store B' }],
      settings: { A: [setting('p1', 5, 10), setting('p2', 1, 2)], B: [setting('p1', 3, 6)] },
      stock: {},
    }));
    expect(await rules()).toEqual([
      { warehouse: 'A', product: 'p1', min_qty: 5 }, { warehouse: 'A', product: 'p2', min_qty: 1 }, { warehouse: 'B', product: 'p1', min_qty: 3 },
    ]);

    // B closed, A's norm for p1 changed and p2's removed.
    const result = await syncCatalog(fx.orm, scriptedOneC({
      warehouses: [{ id: 'A', code: 'A-1', name: 'Store A (renamed)' }], settings: { A: [setting('p1', 7, 10)] }, stock: {},
    }));
    expect(result).toMatchObject({ products: 1, rules: 1 });
    expect(await rules()).toEqual([{ warehouse: 'A', product: 'p1', min_qty: 7 }]);
    expect(await fx.query(`select name from warehouses where external_id = 'A'`)).toEqual([{ name: 'Store A (renamed)' }]);
  });

  it('names products from stock, sums repeated stock lines, and keeps the name when settings mention the product again', async () => {
    const runId = randomUUID();
    await insertRun(fx.orm.em.fork(), { id: runId, trigger: 'admin', requestId: null, targetWarehouseId: null, parameters: {} });
    const oneC = scriptedOneC({
      warehouses: [{ id: 'A', code: 'A-1', name: 'Store A' }],
      settings: { A: [setting('p1', 7, 10)] },
      stock: { A: [item('p1', 4, 'Nails 50 mm'), item('p1', 3, 'Nails 50 mm'), item('p9', 1)] },
    });
    const { warehouses } = await syncCatalog(fx.orm, oneC);
    expect(await fetchStock(fx.orm, oneC, runId, warehouses)).toEqual({ items: 3, snapshots: 2 });
    await syncCatalog(fx.orm, oneC);
    const stored = await fx.query<{ product: string; name: string; on_hand: number }>(
      `select p.external_id as product, p.name, s.on_hand from stock_snapshots s join products p on p.id = s.product_id where s.run_id = ? order by 1`, [runId]);
    expect(stored).toEqual([{ product: 'p1', name: 'Nails 50 mm', on_hand: 7 }, { product: 'p9', name: 'Product p9', on_hand: 1 }]);
  });
});
