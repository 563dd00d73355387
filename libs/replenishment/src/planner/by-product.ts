/**
 * Rows indexed product → warehouse → value. Nested maps rather than one map keyed by a
 * joined string: a network of a million (warehouse, product) rows then plans without
 * building and hashing a million composite keys per lookup pass.
 */
export type ByProduct<T> = Map<string, Map<string, T>>;

/** Indexes rows by (product, warehouse); input holds at most one row per pair. */
export function indexByProduct<T extends { productId: string; warehouseId: string }>(rows: readonly T[]): ByProduct<T> {
  const index: ByProduct<T> = new Map();
  for (const row of rows) forProduct(index, row.productId).set(row.warehouseId, row);
  return index;
}

/** Sums quantities per (product, warehouse). */
export function sumByProduct(rows: readonly { productId: string; warehouseId: string; quantity: number }[]): ByProduct<number> {
  const sums: ByProduct<number> = new Map();
  for (const row of rows) {
    const perWarehouse = forProduct(sums, row.productId);
    perWarehouse.set(row.warehouseId, (perWarehouse.get(row.warehouseId) ?? 0) + row.quantity);
  }
  return sums;
}

/** The value for (product, warehouse), if any. */
export function lookup<T>(index: ByProduct<T>, productId: string, warehouseId: string): T | undefined {
  return index.get(productId)?.get(warehouseId);
}

function forProduct<T>(index: ByProduct<T>, productId: string): Map<string, T> {
  let perWarehouse = index.get(productId);
  if (!perWarehouse) {
    perWarehouse = new Map();
    index.set(productId, perWarehouse);
  }
  return perWarehouse;
}
