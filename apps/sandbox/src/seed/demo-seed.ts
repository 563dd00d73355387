import { DEMO_PRODUCTS, DEMO_WAREHOUSE_IDS, DEMO_WAREHOUSES, type DemoProduct } from './demo-catalog';
import type { SandboxProduct, SandboxSeed, SandboxSettingRow, SandboxStockRow } from './seed-types';

const STORE_IDS = [DEMO_WAREHOUSE_IDS.storeTverskaya, DEMO_WAREHOUSE_IDS.storeNevsky, DEMO_WAREHOUSE_IDS.storeKazan];
const DC_ID = DEMO_WAREHOUSE_IDS.distributionCentre;

/** Store norms: refill up to four minimums; the DC keeps three store minimums as its own reserve. */
const STORE_MAX_FACTOR = 4;
const DC_MIN_FACTOR = 3;
const DC_MAX_FACTOR = 20;

/** A 1С-style GUID that is the same on every start, so tests and demos can refer to it. */
function productGuid(index: number): string {
  return `0c6f${(index + 1).toString(16).padStart(4, '0')}-5a2e-11ee-8c99-0242ac120002`;
}

type Stock = Pick<SandboxStockRow, 'onHand' | 'reserved'>;

/** A store's stock; which stores are short in `dcCovers` rotates with the product so every store gets some. */
function storeStock(product: DemoProduct, productIndex: number, storeIndex: number): Stock {
  const min = product.storeMin;
  const belowMin = Math.floor(min / 3);
  switch (product.scenario) {
    case 'dcCovers':
      return (productIndex + storeIndex) % 3 === 0 ? { onHand: 2 * min, reserved: 0 } : { onHand: belowMin, reserved: storeIndex === 1 ? 1 : 0 };
    case 'dcPartly':
      return { onHand: storeIndex, reserved: 0 };
    case 'shortEverywhere':
      return { onHand: belowMin, reserved: 0 };
    case 'healthy':
      return { onHand: 2 * min + storeIndex, reserved: storeIndex };
  }
}

/** The DC's stock: plenty, a little above its reserve, or below it. */
function dcStock(product: DemoProduct): Stock {
  const min = product.storeMin;
  switch (product.scenario) {
    case 'dcCovers':
      return { onHand: 12 * min, reserved: min };
    case 'dcPartly':
      return { onHand: 5 * min, reserved: 0 };
    case 'shortEverywhere':
      return { onHand: 2 * min, reserved: 0 };
    case 'healthy':
      return { onHand: 15 * min, reserved: 0 };
  }
}

/**
 * The deterministic demo network: a distribution centre and three stores, 30 products,
 * stock and norms such that a min/max planner finds work. Built fresh on every call,
 * so callers may mutate what they get.
 */
export function createDemoSeed(): SandboxSeed {
  const products: SandboxProduct[] = DEMO_PRODUCTS.map((product, index) => ({
    id: productGuid(index),
    sku: `SKU-${String(index + 1).padStart(4, '0')}`,
    name: product.name,
    unit: product.unit,
  }));
  const stock: SandboxStockRow[] = [];
  const settings: SandboxSettingRow[] = [];
  DEMO_PRODUCTS.forEach((product, index) => {
    const productId = productGuid(index);
    const { storeMin: min, pack: multiple } = product;
    stock.push({ warehouseId: DC_ID, productId, ...dcStock(product) });
    settings.push({ warehouseId: DC_ID, productId, min: DC_MIN_FACTOR * min, max: DC_MAX_FACTOR * min, multiple });
    STORE_IDS.forEach((warehouseId, storeIndex) => {
      stock.push({ warehouseId, productId, ...storeStock(product, index, storeIndex) });
      settings.push({ warehouseId, productId, min, max: STORE_MAX_FACTOR * min, multiple });
    });
  });
  return { warehouses: DEMO_WAREHOUSES.map((warehouse) => ({ ...warehouse })), products, stock, settings };
}
