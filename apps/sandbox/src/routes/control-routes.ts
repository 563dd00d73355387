import { Hono } from 'hono';
import type { SandboxState } from '../state/sandbox-state';
import { SANDBOX_ERROR_CODES, SandboxError } from '../http/sandbox-error';

/** Path prefix of the test-control endpoints. */
export const SANDBOX_CONTROL_PREFIX = '/__sandbox';

/**
 * Endpoints tests use to look inside the sandbox and steer it. They have no auth on
 * purpose: the sandbox is a test double meant for loopback only, never for a shared network.
 */
export function controlRoutes(state: SandboxState): Hono {
  const routes = new Hono();

  routes.get('/transfer-orders', (c) => c.json(state.transferOrders.summary()));
  routes.post('/transfer-orders/:id/receive', (c) => {
    const id = c.req.param('id');
    const result = state.receiveTransferOrder(id);
    if (result.outcome === 'not_found') {
      throw new SandboxError(404, SANDBOX_ERROR_CODES.notFound, `transfer order ${id} does not exist`);
    }
    if (result.outcome === 'already_closed') {
      const message = `transfer order ${result.order.number} is already ${result.order.status}`;
      throw new SandboxError(409, SANDBOX_ERROR_CODES.alreadyClosed, message);
    }
    return c.json(result.order);
  });
  routes.post('/reset', (c) => {
    state.reset();
    return c.json({ reset: true });
  });
  return routes;
}
