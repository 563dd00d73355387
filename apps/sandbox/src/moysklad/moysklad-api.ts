import { Hono } from 'hono';
import { MOYSKLAD_ERROR_CODES } from '@hub/integrations';
import { compress } from 'hono/compress';
import { validationError } from '../http/sandbox-error';
import { msSandboxNewProductsSchema, type MoySkladState } from './moysklad-state';
import { enforceLimits, requireBearerToken, requireGzip, requireJsonAccept } from './ms-guards';
import { msError } from './ms-http';
import { moySkladCatalogRoutes } from './ms-catalog-routes';
import { moySkladOrderRoutes } from './ms-order-routes';

/**
 * The МойСклад JSON API 1.2 subset, mounted under MOYSKLAD_API_PREFIX: gzip required (415),
 * Bearer token (401), request limits (429), then the routes. Answers are gzip-compressed.
 */
export function moySkladApi(state: MoySkladState): Hono<{ Variables: { msToken: string } }> {
  const api = new Hono<{ Variables: { msToken: string } }>();
  api.use(requireGzip());
  api.use(compress({ encoding: 'gzip', threshold: 0 }));
  api.use(requireBearerToken(state));
  api.use(requireJsonAccept());
  api.use(enforceLimits(state));
  api.route('/', moySkladCatalogRoutes(state));
  api.route('/', moySkladOrderRoutes(state));
  // md/_errors.md line 9, error 1002: a path МойСклад does not know, in its own error shape.
  api.all('*', (c) => msError(c, 404, MOYSKLAD_ERROR_CODES.unknownPath, `Неопознанный путь: ${c.req.path}`));
  return api;
}

/**
 * GET /__sandbox/moysklad/stats: limits, counted requests and refusals, customer orders with
 * duplicate counts. POST /__sandbox/moysklad/products: adds products to the account (e.g. a second
 * one with an article already in use, or an archived one), answering them with their new ids.
 */
export function moySkladControlRoutes(state: MoySkladState): Hono {
  const routes = new Hono();
  routes.post('/products', async (c) => {
    const parsed = msSandboxNewProductsSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw validationError(parsed.error, 'body');
    return c.json({ products: state.addProducts(parsed.data.products) }, 201);
  });
  routes.get('/stats', (c) => c.json(state.stats()));
  routes.get('/customer-orders', (c) => c.json(state.customerOrders.summary()));
  return routes;
}
