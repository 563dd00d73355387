import { EXTERNAL_ERROR_CODES, ExternalSystemError } from '../errors';
import { createJsonHttp } from '../http/request-json';
import {
  ONE_C_API_PREFIX,
  ONE_C_IDEMPOTENCY_HEADER,
  ONE_C_OPEN_ORDERS_FILTER,
  oneCCreateTransferOrderSchema,
  oneCErrorSchema,
  oneCReplenishmentSettingsResponseSchema,
  oneCStockResponseSchema,
  oneCTransferOrderListSchema,
  oneCTransferOrderSchema,
  oneCWarehouseListSchema,
  type OneCCreateTransferOrder,
  type OneCReplenishmentSetting,
  type OneCStockItem,
  type OneCTransferOrder,
  type OneCWarehouse,
} from './contract';

export const ONE_C_DEFAULT_TIMEOUT_MS = 10_000;
const HTTP_OK = 200;
const HTTP_NOT_FOUND = 404;

/** Where 1С is and how to log in. */
export interface OneCClientOptions {
  /** Scheme and host, e.g. `http://127.0.0.1:8100`; the client adds {@link ONE_C_API_PREFIX}. */
  baseUrl: string;
  username: string;
  password: string;
  /** Bound on each whole call, headers and body; default {@link ONE_C_DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Injected for tests; defaults to Node's global fetch. */
  fetch?: typeof fetch;
}

/**
 * The hub's port to 1С, used by the run, the dry run, the reconciliation and the transfer delivery.
 * Two connectors implement it (ONEC_CONNECTOR): the HTTP service below, and the standard OData
 * interface (one-c-odata/). Every method validates the answer and throws only ExternalSystemError.
 */
export interface OneCClient {
  listWarehouses(): Promise<OneCWarehouse[]>;
  getStock(warehouseId: string): Promise<OneCStockItem[]>;
  getReplenishmentSettings(warehouseId: string): Promise<OneCReplenishmentSetting[]>;
  /** Orders not yet received nor cancelled: the planner's inbound. */
  listOpenTransferOrders(): Promise<OneCTransferOrder[]>;
  /**
   * One order by its 1С id, in whatever status it is now; null when 1С answers 404
   * (it has no such document). Every other failure throws, so "unknown" is never a guess.
   */
  getTransferOrder(id: string): Promise<OneCTransferOrder | null>;
  /**
   * Creates a transfer order once per key: `replayed` is true when 1С already had a
   * document for this key and returned it instead of creating another. `signal` cancels the
   * call (the answer is then unknown: 1С may still create it, and the same key finds it later).
   */
  createTransferOrder(
    order: OneCCreateTransferOrder,
    options: { idempotencyKey: string; signal?: AbortSignal | undefined },
  ): Promise<{ order: OneCTransferOrder; replayed: boolean }>;
}

/** Fails before any network traffic: a request 1С would refuse is the caller's bug, not worth a retry. */
function invalidRequest(call: string, message: string): ExternalSystemError {
  return new ExternalSystemError(`1c ${call} not sent: ${message}`, {
    system: '1c',
    code: EXTERNAL_ERROR_CODES.invalidRequest,
    retryable: false,
  });
}

/** Builds a 1С client over HTTP with Basic auth. */
export function createOneCClient(options: OneCClientOptions): OneCClient {
  const credentials = Buffer.from(`${options.username}:${options.password}`).toString('base64');
  const requestJson = createJsonHttp({
    system: '1c',
    baseUrl: options.baseUrl.replace(/\/+$/, '') + ONE_C_API_PREFIX,
    headers: { authorization: `Basic ${credentials}` },
    timeoutMs: options.timeoutMs ?? ONE_C_DEFAULT_TIMEOUT_MS,
    fetch: options.fetch ?? globalThis.fetch,
    secrets: [options.password, credentials],
    readErrorMessage: (body) => {
      const parsed = oneCErrorSchema.safeParse(body);
      return parsed.success ? `${parsed.data.error.code}: ${parsed.data.error.message}` : undefined;
    },
  });
  const warehousePath = (warehouseId: string, resource: string) => `/warehouses/${encodeURIComponent(warehouseId)}/${resource}`;

  return {
    async listWarehouses() {
      const { data } = await requestJson({ method: 'GET', path: '/warehouses', schema: oneCWarehouseListSchema });
      return data.items;
    },
    async getStock(warehouseId) {
      const path = warehousePath(warehouseId, 'stock');
      const { data } = await requestJson({ method: 'GET', path, schema: oneCStockResponseSchema });
      return data.items;
    },
    async getReplenishmentSettings(warehouseId) {
      const path = warehousePath(warehouseId, 'replenishment-settings');
      const { data } = await requestJson({ method: 'GET', path, schema: oneCReplenishmentSettingsResponseSchema });
      return data.items;
    },
    async listOpenTransferOrders() {
      const path = `/transfer-orders?status=${ONE_C_OPEN_ORDERS_FILTER}`;
      const { data } = await requestJson({ method: 'GET', path, schema: oneCTransferOrderListSchema });
      return data.items;
    },
    async getTransferOrder(id) {
      // An empty id would ask for the list instead of one document.
      if (!id.trim()) throw invalidRequest('GET /transfer-orders/{id}', 'the id is empty');
      const path = `/transfer-orders/${encodeURIComponent(id)}`;
      try {
        const { data } = await requestJson({ method: 'GET', path, schema: oneCTransferOrderSchema });
        return data;
      } catch (error) {
        if (error instanceof ExternalSystemError && error.status === HTTP_NOT_FOUND) return null;
        throw error;
      }
    },
    async createTransferOrder(order, { idempotencyKey, signal }) {
      const call = 'POST /transfer-orders';
      if (!idempotencyKey.trim()) throw invalidRequest(call, 'the idempotency key is empty');
      const body = oneCCreateTransferOrderSchema.safeParse(order);
      if (!body.success) {
        const issue = body.error.issues[0];
        throw invalidRequest(call, `${issue?.path.join('.') || 'order'}: ${issue?.message ?? 'invalid'}`);
      }
      const { status, data } = await requestJson({
        method: 'POST',
        path: '/transfer-orders',
        headers: { [ONE_C_IDEMPOTENCY_HEADER]: idempotencyKey },
        body: body.data,
        schema: oneCTransferOrderSchema,
        signal,
      });
      // 201 means created now; 200 means 1С recognised the key and returned the earlier document.
      return { order: data, replayed: status === HTTP_OK };
    },
  };
}
