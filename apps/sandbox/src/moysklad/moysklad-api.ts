import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { MoySkladState } from './moysklad-state';
import { enforceLimits, requireBearerToken, requireGzip } from './ms-guards';
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
  api.use(enforceLimits(state));
  api.route('/', moySkladCatalogRoutes(state));
  api.route('/', moySkladOrderRoutes(state));
  return api;
}

/** GET /__sandbox/moysklad/stats: limits, counted requests and refusals, customer orders with duplicate counts. */
export function moySkladControlRoutes(state: MoySkladState): Hono {
  const routes = new Hono();
  routes.get('/stats', (c) => c.json(state.stats()));
  routes.get('/customer-orders', (c) => c.json(state.customerOrders.summary()));
  return routes;
}
