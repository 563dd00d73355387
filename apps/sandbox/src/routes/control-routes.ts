import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { OneCClosedTransferOrderStatus } from '@hub/integrations';
import type { SandboxState } from '../state/sandbox-state';
import { SANDBOX_ERROR_CODES, SandboxError, validationError } from '../http/sandbox-error';
import { sandboxFaultSchema } from '../state/fault-plan';

/** Path prefix of the test-control endpoints. */
export const SANDBOX_CONTROL_PREFIX = '/__sandbox';

const saleSchema = z.object({ productId: z.string().min(1), quantity: z.number().int().positive() });

/** Receives or cancels the order named in the path, as someone working in 1С would. */
function closeTransferOrder(state: SandboxState, c: Context, status: OneCClosedTransferOrderStatus): Response {
  const id = c.req.param('id') ?? '';
  const result = state.closeTransferOrder(id, status);
  if (result.outcome === 'not_found') {
    throw new SandboxError(404, SANDBOX_ERROR_CODES.notFound, `transfer order ${id} does not exist`);
  }
  if (result.outcome === 'already_closed') {
    const message = `transfer order ${result.order.number} is already ${result.order.status}`;
    throw new SandboxError(409, SANDBOX_ERROR_CODES.alreadyClosed, message);
  }
  return c.json(result.order);
}

/** Sells from a warehouse's free stock, so tests can make a need appear again. */
async function sell(state: SandboxState, c: Context): Promise<Response> {
  const sale = saleSchema.safeParse(await c.req.json().catch(() => undefined));
  if (!sale.success) throw validationError(sale.error, 'body');
  const warehouseId = c.req.param('warehouseId') ?? '';
  const result = state.sell(warehouseId, sale.data.productId, sale.data.quantity);
  if (result.outcome === 'unknown_warehouse' || result.outcome === 'unknown_product') {
    const what = result.outcome === 'unknown_warehouse' ? `warehouse ${warehouseId}` : `product ${sale.data.productId}`;
    throw new SandboxError(404, SANDBOX_ERROR_CODES.notFound, `${what} does not exist`);
  }
  if (result.outcome === 'not_enough_stock') {
    throw new SandboxError(422, SANDBOX_ERROR_CODES.validation, `quantity: only ${result.available} free to sell`);
  }
  return c.json({ warehouseId, productId: sale.data.productId, onHand: result.onHand });
}

/** Faults in force: queued ones still to be used, and rate-based ones. */
function faultsReport(state: SandboxState) {
  return { pending: state.faults.pending(), active: state.faults.active() };
}

/**
 * Endpoints tests use to look inside the sandbox and steer it: `GET /transfer-orders`,
 * `POST /transfer-orders/:id/receive|cancel`, `POST /warehouses/:warehouseId/sales`,
 * `GET|POST|DELETE /faults` (GET also lists every fault applied), `POST /reset`.
 * They have no auth on purpose: the sandbox is a test double meant for loopback only,
 * never for a shared network.
 */
export function controlRoutes(state: SandboxState): Hono {
  const routes = new Hono();

  routes.get('/transfer-orders', (c) => c.json(state.transferOrders.summary()));
  routes.post('/transfer-orders/:id/receive', (c) => closeTransferOrder(state, c, 'received'));
  routes.post('/transfer-orders/:id/cancel', (c) => closeTransferOrder(state, c, 'cancelled'));
  routes.post('/warehouses/:warehouseId/sales', (c) => sell(state, c));
  routes.post('/faults', async (c) => {
    const fault = sandboxFaultSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!fault.success) throw validationError(fault.error, 'body');
    state.faults.add(fault.data);
    return c.json(faultsReport(state), 201);
  });
  routes.get('/faults', (c) => c.json({ ...faultsReport(state), injected: state.faults.injected() }));
  routes.delete('/faults', (c) => {
    state.faults.clear();
    return c.json(faultsReport(state));
  });
  routes.post('/reset', (c) => {
    state.reset();
    return c.json({ reset: true });
  });
  return routes;
}
