import { describe, expect, it } from 'vitest';
import { DEMO_WAREHOUSE_IDS } from './demo-catalog';
import { createDemoSeed } from './demo-seed';

const seed = createDemoSeed();
const DC = DEMO_WAREHOUSE_IDS.distributionCentre;
const stores = [DEMO_WAREHOUSE_IDS.storeTverskaya, DEMO_WAREHOUSE_IDS.storeNevsky, DEMO_WAREHOUSE_IDS.storeKazan];

function numbers(warehouseId: string, productId: string) {
  const stock = seed.stock.find((r) => r.warehouseId === warehouseId && r.productId === productId);
  const rule = seed.settings.find((r) => r.warehouseId === warehouseId && r.productId === productId);
  if (!stock || !rule) throw new Error(`no stock or rule for ${warehouseId}/${productId}`);
  return { ...stock, ...rule };
}

/** DESIGN.md Algorithm 1, steps 1–3, with no inbound (the seed has no open orders). */
function needOf(warehouseId: string, productId: string): number {
  const { onHand, reserved, min, max, multiple } = numbers(warehouseId, productId);
  const position = onHand - reserved;
  return position < min ? Math.ceil((max - position) / multiple) * multiple : 0;
}
function surplusOf(warehouseId: string, productId: string): number {
  const { onHand, reserved, min } = numbers(warehouseId, productId);
  return Math.max(0, onHand - reserved - min);
}

describe('demo seed', () => {
  it('is the same on every call, with unique ids and SKUs', () => {
    expect(createDemoSeed()).toEqual(seed);
    expect(new Set(seed.products.map((p) => p.id)).size).toBe(seed.products.length);
    expect(new Set(seed.products.map((p) => p.sku)).size).toBe(seed.products.length);
    expect(seed.products).toHaveLength(30);
  });

  it('gives the planner work: several products short in every store', () => {
    for (const store of stores) {
      const short = seed.products.filter((p) => needOf(store, p.id) > 0);
      expect(short.length).toBeGreaterThanOrEqual(8);
    }
    expect(seed.products.filter((p) => stores.every((s) => needOf(s, p.id) === 0)).length).toBeGreaterThan(0);
  });

  it('lets the distribution centre cover most short products in full, and keeps its own reserve', () => {
    const short = seed.products.filter((p) => stores.some((s) => needOf(s, p.id) > 0));
    const covered = short.filter((p) => surplusOf(DC, p.id) >= stores.reduce((sum, s) => sum + needOf(s, p.id), 0));
    expect(covered.length / short.length).toBeGreaterThan(0.5);
    expect(seed.settings.filter((r) => r.warehouseId === DC).every((r) => r.min > 0)).toBe(true);
  });

  it('has products the DC can cover only in part, and products no warehouse can give', () => {
    const shortInStores = seed.products.filter((p) => stores.some((s) => needOf(s, p.id) > 0));
    const totalNeed = (id: string) => stores.reduce((sum, s) => sum + needOf(s, id), 0);
    const donorSurplus = (id: string) => [DC, ...stores].reduce((sum, w) => sum + surplusOf(w, id), 0);
    const partly = shortInStores.filter((p) => surplusOf(DC, p.id) > 0 && surplusOf(DC, p.id) < totalNeed(p.id));
    const nowhere = shortInStores.filter((p) => donorSurplus(p.id) === 0);
    expect(partly.length).toBeGreaterThanOrEqual(3);
    expect(nowhere.length).toBeGreaterThanOrEqual(3);
  });
});
