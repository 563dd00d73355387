import { Hono } from 'hono';
import type { SandboxState } from '../state/sandbox-state';
import { SANDBOX_ERROR_CODES, SandboxError } from '../http/sandbox-error';

/** GET /warehouses, /warehouses/:id/stock and /warehouses/:id/replenishment-settings. */
export function catalogRoutes(state: SandboxState): Hono {
  const routes = new Hono();

  const requireWarehouse = (warehouseId: string): string => {
    if (!state.hasWarehouse(warehouseId)) {
      throw new SandboxError(404, SANDBOX_ERROR_CODES.notFound, `warehouse ${warehouseId} does not exist`);
    }
    return warehouseId;
  };

  routes.get('/warehouses', (c) => c.json({ items: state.warehouses }));
  routes.get('/warehouses/:id/stock', (c) => {
    const warehouseId = requireWarehouse(c.req.param('id'));
    return c.json({ warehouseId, items: state.stockOf(warehouseId) });
  });
  routes.get('/warehouses/:id/replenishment-settings', (c) => {
    const warehouseId = requireWarehouse(c.req.param('id'));
    return c.json({ warehouseId, items: state.settingsOf(warehouseId) });
  });
  return routes;
}
