import { Hono } from 'hono';
import type { SandboxState } from '../state/sandbox-state';
import { SANDBOX_ERROR_CODES, SandboxError, validationError } from '../http/sandbox-error';
import { sandboxFaultSchema } from '../state/fault-plan';

/** Path prefix of the test-control endpoints. */
export const SANDBOX_CONTROL_PREFIX = '/__sandbox';

/**
 * Endpoints tests use to look inside the sandbox and steer it: `GET /transfer-orders`,
 * `POST /transfer-orders/:id/receive`, `POST|DELETE /faults`, `POST /reset`.
 * They have no auth on purpose: the sandbox is a test double meant for loopback only,
 * never for a shared network.
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
  routes.post('/faults', async (c) => {
    const fault = sandboxFaultSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!fault.success) throw validationError(fault.error, 'body');
    state.faults.add(fault.data);
    return c.json({ pending: state.faults.pending() }, 201);
  });
  routes.delete('/faults', (c) => {
    state.faults.clear();
    return c.json({ pending: state.faults.pending() });
  });
  routes.post('/reset', (c) => {
    state.reset();
    return c.json({ reset: true });
  });
  return routes;
}
