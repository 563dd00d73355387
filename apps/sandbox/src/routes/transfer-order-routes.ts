import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  ONE_C_IDEMPOTENCY_HEADER,
  ONE_C_OPEN_ORDERS_FILTER,
  ONE_C_TRANSFER_ORDER_STATUSES,
  oneCCreateTransferOrderSchema,
  type OneCCreateTransferOrder,
} from '@hub/integrations';
import type { SandboxState } from '../state/sandbox-state';
import { toOneCTransferOrder } from '../state/transfer-order-book';
import { SANDBOX_ERROR_CODES, SandboxError, validationError } from '../http/sandbox-error';

const statusFilterSchema = z.object({
  status: z.enum([ONE_C_OPEN_ORDERS_FILTER, ...ONE_C_TRANSFER_ORDER_STATUSES]).optional(),
});

const invalidField = (field: string, message: string) => new SandboxError(422, SANDBOX_ERROR_CODES.validation, `${field}: ${message}`);

async function readOrder(c: Context): Promise<OneCCreateTransferOrder> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch (error) {
    throw new SandboxError(400, SANDBOX_ERROR_CODES.validation, 'body: not valid JSON', { cause: error });
  }
  const parsed = oneCCreateTransferOrderSchema.safeParse(json);
  if (!parsed.success) throw validationError(parsed.error, 'body');
  return parsed.data;
}

/** Refuses what 1С would refuse: unknown warehouses or products, a move to the same place. */
function checkReferences(state: SandboxState, order: OneCCreateTransferOrder): void {
  if (!state.hasWarehouse(order.sourceWarehouseId)) throw invalidField('sourceWarehouseId', 'unknown warehouse');
  if (!state.hasWarehouse(order.targetWarehouseId)) throw invalidField('targetWarehouseId', 'unknown warehouse');
  if (order.sourceWarehouseId === order.targetWarehouseId) {
    throw invalidField('targetWarehouseId', 'must differ from sourceWarehouseId');
  }
  order.lines.forEach((line, index) => {
    const product = state.findProduct(line.productId);
    if (!product) throw invalidField(`lines.${index}.productId`, 'unknown product');
    if (product.sku !== line.sku) throw invalidField(`lines.${index}.sku`, `does not match product ${product.sku}`);
  });
}

/** POST /transfer-orders (idempotent by key), GET /transfer-orders?status=… and GET /transfer-orders/:id */
export function transferOrderRoutes(state: SandboxState): Hono {
  const routes = new Hono();

  routes.post('/transfer-orders', async (c) => {
    const book = state.transferOrders;
    const idempotencyKey = c.req.header(ONE_C_IDEMPOTENCY_HEADER)?.trim() || undefined;
    let order: OneCCreateTransferOrder;
    try {
      if (!idempotencyKey) {
        const message = `the ${ONE_C_IDEMPOTENCY_HEADER} header is required`;
        throw new SandboxError(400, SANDBOX_ERROR_CODES.missingIdempotencyKey, message);
      }
      order = await readOrder(c);
      checkReferences(state, order);
    } catch (error) {
      book.recordRejected(idempotencyKey);
      throw error;
    }
    const result = book.create(idempotencyKey, order);
    if (result.outcome === 'conflict') {
      const message = `${ONE_C_IDEMPOTENCY_HEADER} ${idempotencyKey} was already used for order ${result.order.number} with a different body`;
      throw new SandboxError(409, SANDBOX_ERROR_CODES.idempotencyConflict, message);
    }
    return c.json(toOneCTransferOrder(result.order), result.outcome === 'created' ? 201 : 200);
  });

  routes.get('/transfer-orders', (c) => {
    const query = statusFilterSchema.safeParse(c.req.query());
    if (!query.success) throw validationError(query.error, 'status');
    const { status } = query.data;
    const orders =
      status === ONE_C_OPEN_ORDERS_FILTER ?
        state.openTransferOrders()
      : state.transferOrders.documents.filter((order) => status === undefined || order.status === status);
    return c.json({ items: orders.map(toOneCTransferOrder) });
  });

  routes.get('/transfer-orders/:id', (c) => {
    const id = c.req.param('id');
    const order = state.transferOrders.find(id);
    if (!order) throw new SandboxError(404, SANDBOX_ERROR_CODES.notFound, `transfer order ${id} does not exist`);
    return c.json(toOneCTransferOrder(order));
  });
  return routes;
}
