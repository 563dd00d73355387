import { Hono, type Context } from 'hono';
import { MOYSKLAD_ERROR_CODES } from '@hub/integrations';
import type { MoySkladState } from './moysklad-state';
import { entityMeta, idFromHref, listPage, msError } from './ms-http';
import { equalityValues, matchesFilter, parseFilter } from './ms-filter';

/** md/_errors.md 1034: a filter the server cannot apply. */
const FILTER_ERROR = 1034;

function filtered(c: Context, allowed: readonly string[]) {
  return parseFilter(c.req.query('filter'), allowed);
}

/** GET /entity/store, GET /entity/product (filter by article, code, id), GET /report/stock/bystore (filter by store). */
export function moySkladCatalogRoutes(state: MoySkladState): Hono {
  const routes = new Hono();

  routes.get('/entity/store', (c) =>
    listPage(c, 'store', state.seed.stores.map((store) => ({ meta: entityMeta(c, 'store', store.id), ...store }))),
  );

  routes.get('/entity/product', (c) => {
    // md/dictionaries/_product.md lines 20–31: the fields filterable with these operators.
    const filter = filtered(c, ['article', 'code', 'externalCode', 'id', 'name', 'archived']);
    if (!filter.ok) return msError(c, 400, FILTER_ERROR, `Ошибка фильтрации: ${filter.problem}`);
    const rows = state.seed.products
      .filter((product) => matchesFilter(filter.conditions, product))
      .map((product) => ({ meta: entityMeta(c, 'product', product.id), ...product }));
    return listPage(c, 'product', rows);
  });

  routes.get('/report/stock/bystore', (c) => {
    const filter = filtered(c, ['store']);
    if (!filter.ok) return msError(c, 400, FILTER_ERROR, `Ошибка фильтрации: ${filter.problem}`);
    const storeIds = equalityValues(filter.conditions, 'store')?.map((href) => idFromHref(href, 'store'));
    if (storeIds?.some((id) => id === undefined)) {
      return msError(c, 400, MOYSKLAD_ERROR_CODES.wrongEntityType, 'Ошибка формата: href указывает на сущность неправильного типа');
    }
    const stores = state.seed.stores.filter((store) => !storeIds || storeIds.includes(store.id));
    const rows = state.seed.products.map((product) => ({
      meta: { ...entityMeta(c, 'product', product.id), href: `${entityMeta(c, 'product', product.id).href}?expand=supplier` },
      stockByStore: stores.map((store) => {
        const row = state.seed.stock.find((s) => s.productId === product.id && s.storeId === store.id);
        return { meta: entityMeta(c, 'store', store.id), name: store.name, stock: row?.stock ?? 0, reserve: row?.reserve ?? 0, inTransit: 0 };
      }),
    }));
    return listPage(c, 'stockbystore', rows);
  });

  return routes;
}
