import type { OneCWarehouse } from '@hub/integrations';

/** A product as 1С knows it. */
export interface SandboxProduct {
  id: string;
  sku: string;
  name: string;
  unit: string;
}

/** Stock of one product in one warehouse. */
export interface SandboxStockRow {
  warehouseId: string;
  productId: string;
  onHand: number;
  reserved: number;
}

/** A stock norm ("складской норматив") of one product in one warehouse. */
export interface SandboxSettingRow {
  warehouseId: string;
  productId: string;
  min: number;
  max: number;
  multiple: number;
}

/** Everything the sandbox starts with, and returns to on reset. */
export interface SandboxSeed {
  warehouses: OneCWarehouse[];
  products: SandboxProduct[];
  stock: SandboxStockRow[];
  settings: SandboxSettingRow[];
}
