import { OpenAPIHono } from '@hono/zod-openapi';
import { listWarehousesRoute } from '@hub/api-contract';
import { listWarehouses } from '@hub/replenishment';
import type { ApiDependencies } from '../dependencies';

/** GET /api/v1/warehouses, so an operator can find a warehouse_id. */
export function catalogRoutes(deps: ApiDependencies): OpenAPIHono {
  return new OpenAPIHono().openapi(listWarehousesRoute, async (c) => {
    const items = await listWarehouses(deps.sessions.open());
    return c.json({ items }, 200);
  });
}
