import type { MsSandboxEntity, MsSandboxSeed } from './ms-seed';

/** md/reports/_report_stock.md lines 1023–1033: which rows stockMode keeps, by the row's stock over the reported stores. */
const STOCK_MODES: Record<string, (stock: number) => boolean> = {
  all: () => true,
  positiveOnly: (stock) => stock > 0,
  negativeOnly: (stock) => stock < 0,
  empty: (stock) => stock === 0,
  nonEmpty: (stock) => stock !== 0,
};

export interface StockReportRow {
  type: 'product' | 'variant';
  id: string;
  stores: Array<{ store: MsSandboxEntity; stock: number; reserve: number }>;
}

/**
 * «Остатки по складам» as the documentation describes it: `groupBy` variant by default (line 1100:
 * products and their variants as rows of their own), `product` sums each product's variants into
 * it; `stockMode` nonEmpty by default (line 1024), so products without stock are left out unless
 * `stockMode=all` is asked.
 */
export function stockByStoreReport(
  seed: MsSandboxSeed,
  query: { groupBy: string | undefined; stockMode: string | undefined; storeIds: string[] | undefined },
): { ok: true; rows: StockReportRow[] } | { ok: false; problem: string } {
  const groupBy = query.groupBy ?? 'variant';
  if (groupBy !== 'product' && groupBy !== 'variant') return { ok: false, problem: `the sandbox groups by product or variant, not '${groupBy}'` };
  const keep = STOCK_MODES[query.stockMode ?? 'nonEmpty'];
  if (!keep) return { ok: false, problem: `unknown stockMode '${query.stockMode ?? ''}'` };
  const stores = seed.stores.filter((store) => !query.storeIds || query.storeIds.includes(store.id));
  const stockOf = (assortmentIds: string[], storeId: string) => {
    const rows = seed.stock.filter((s) => assortmentIds.includes(s.assortmentId) && s.storeId === storeId);
    return { stock: rows.reduce((sum, s) => sum + s.stock, 0), reserve: rows.reduce((sum, s) => sum + s.reserve, 0) };
  };
  const row = (type: StockReportRow['type'], id: string, counted: string[]): StockReportRow => ({
    type,
    id,
    stores: stores.map((store) => ({ store, ...stockOf(counted, store.id) })),
  });
  const rows = seed.products.flatMap((product) => {
    const variants = seed.variants.filter((variant) => variant.productId === product.id);
    return groupBy === 'product' ?
        [row('product', product.id, [product.id, ...variants.map((v) => v.id)])]
      : [row('product', product.id, [product.id]), ...variants.map((variant) => row('variant', variant.id, [variant.id]))];
  });
  return { ok: true, rows: rows.filter((r) => keep(r.stores.reduce((sum, s) => sum + s.stock, 0))) };
}
