import { Hono } from 'hono';
import { listWarehouses } from '@hub/replenishment';
import type { ApiDependencies } from '../dependencies';

/** GET /warehouses, so an operator can find a warehouse_id. */
export function catalogRoutes(deps: ApiDependencies): Hono {
  return new Hono().get('/warehouses', async (c) => {
    const items = await listWarehouses(deps.sessions.open());
    return c.json({ items });
  });
}
