import { Hono, type Context } from 'hono';
import { MOYSKLAD_ERROR_CODES } from '@hub/integrations';
import type { MoySkladState } from './moysklad-state';
import type { MsSandboxProduct } from './ms-seed';
import { entityMeta, idFromHref, listPage, msError } from './ms-http';
import { equalityValues, matchesFilter, parseFilter } from './ms-filter';
import { stockByStoreReport } from './stock-report';

/** md/_errors.md 1034: a filter the server cannot apply. */
const FILTER_ERROR = 1034;

function filtered(c: Context, allowed: readonly string[]) {
  return parseFilter(c.req.query('filter'), allowed);
}

/** A product as md/dictionaries/_product.md shows it (lines 494–667): prices as objects naming their price type. */
function representProduct(c: Context, product: MsSandboxProduct) {
  const { salePrices, buyPrice, vat, vatEnabled, ...fields } = product;
  return {
    meta: entityMeta(c, 'product', product.id),
    ...fields,
    vat,
    vatEnabled,
    useParentVat: false,
    effectiveVat: vat,
    effectiveVatEnabled: vatEnabled,
    salePrices: salePrices.map((price) => ({ value: price.value, priceType: { name: price.priceType } })),
    ...(buyPrice === undefined ? {} : { buyPrice: { value: buyPrice } }),
  };
}

/** GET /entity/store, GET /entity/product (filter by article, code, externalCode, id, name, archived), GET /report/stock/bystore (groupBy, filter by store and stockMode). */
export function moySkladCatalogRoutes(state: MoySkladState): Hono {
  const routes = new Hono();

  routes.get('/entity/store', (c) =>
    listPage(
      c,
      'store',
      state.seed.stores.map((store) => ({ meta: entityMeta(c, 'store', store.id), ...store })),
    ),
  );

  routes.get('/entity/product', (c) => {
    // md/dictionaries/_product.md lines 20–31: the fields filterable with these operators.
    const filter = filtered(c, ['article', 'code', 'externalCode', 'id', 'name', 'archived']);
    if (!filter.ok) return msError(c, 400, FILTER_ERROR, `Ошибка фильтрации: ${filter.problem}`);
    const rows = state.seed.products.filter((product) => matchesFilter(filter.conditions, product)).map((product) => representProduct(c, product));
    return listPage(c, 'product', rows);
  });

  routes.get('/report/stock/bystore', (c) => {
    const filter = filtered(c, ['store', 'stockMode']);
    if (!filter.ok) return msError(c, 400, FILTER_ERROR, `Ошибка фильтрации: ${filter.problem}`);
    const storeIds = equalityValues(filter.conditions, 'store')?.map((href) => idFromHref(href, 'store'));
    if (storeIds?.some((id) => id === undefined)) {
      return msError(c, 400, MOYSKLAD_ERROR_CODES.wrongEntityType, 'Ошибка формата: href указывает на сущность неправильного типа');
    }
    const report = stockByStoreReport(state.seed, {
      groupBy: c.req.query('groupBy'),
      stockMode: equalityValues(filter.conditions, 'stockMode')?.[0],
      storeIds: storeIds as string[] | undefined,
    });
    if (!report.ok) return msError(c, 400, FILTER_ERROR, `Ошибка фильтрации: ${report.problem}`);
    const rows = report.rows.map((row) => ({
      meta: { ...entityMeta(c, row.type, row.id), href: `${entityMeta(c, row.type, row.id).href}?expand=supplier` },
      stockByStore: row.stores.map((s) => ({ meta: entityMeta(c, 'store', s.store.id), name: s.store.name, stock: s.stock, reserve: s.reserve, inTransit: 0 })),
    }));
    return listPage(c, 'stockbystore', rows);
  });

  return routes;
}
