/**
 * The 1С HTTP service contract (`/hs/integrationapi/v1/…`, Basic auth). It is ours to
 * define: the 1С side publishes exactly this, the sandbox serves it, the client checks
 * every answer against these schemas.
 */
import { z } from 'zod';

export const ONE_C_API_PREFIX = '/hs/integrationapi/v1';

/** Header carrying the caller's idempotency key on POST /transfer-orders (the outbox event id). */
export const ONE_C_IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** GET /warehouses → { items: OneCWarehouse[] } */
export const oneCWarehouseSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  name: z.string().min(1),
});
export type OneCWarehouse = z.infer<typeof oneCWarehouseSchema>;

/** GET /warehouses/{id}/stock → { warehouseId, items: OneCStockItem[] } */
export const oneCStockItemSchema = z.object({
  productId: z.string().min(1),
  sku: z.string().min(1),
  name: z.string().min(1),
  onHand: z.number().int(),
  reserved: z.number().int().nonnegative(),
  unit: z.string().min(1),
});
export type OneCStockItem = z.infer<typeof oneCStockItemSchema>;

/**
 * GET /warehouses/{id}/replenishment-settings → { warehouseId, items: OneCReplenishmentSetting[] }
 * The stock norms ("складские нормативы") kept in 1С: min, max and order multiple.
 */
export const oneCReplenishmentSettingSchema = z
  .object({
    productId: z.string().min(1),
    sku: z.string().min(1),
    min: z.number().int().nonnegative(),
    max: z.number().int().nonnegative(),
    multiple: z.number().int().positive(),
  })
  .refine((s) => s.max >= s.min, { message: 'max must not be below min', path: ['max'] });
export type OneCReplenishmentSetting = z.infer<typeof oneCReplenishmentSettingSchema>;

export const oneCTransferOrderLineSchema = z.object({
  productId: z.string().min(1),
  sku: z.string().min(1),
  quantity: z.number().int().positive(),
});

/** POST /transfer-orders (header `Idempotency-Key: <outbox event id>`) */
export const oneCCreateTransferOrderSchema = z.object({
  /** The hub's transfer order id, echoed back and kept by 1С as a reference. */
  hubOrderId: z.uuid(),
  sourceWarehouseId: z.string().min(1),
  targetWarehouseId: z.string().min(1),
  comment: z.string().optional(),
  lines: z.array(oneCTransferOrderLineSchema).min(1),
});
export type OneCCreateTransferOrder = z.infer<typeof oneCCreateTransferOrderSchema>;

export const ONE_C_TRANSFER_ORDER_STATUSES = ['draft', 'approved', 'shipped', 'received', 'cancelled'] as const;
export type OneCTransferOrderStatus = (typeof ONE_C_TRANSFER_ORDER_STATUSES)[number];

/** Statuses after which a 1С order moves nothing any more: the goods arrived, or never will. */
export const ONE_C_CLOSED_TRANSFER_ORDER_STATUSES = ['received', 'cancelled'] as const satisfies readonly OneCTransferOrderStatus[];
export type OneCClosedTransferOrderStatus = (typeof ONE_C_CLOSED_TRANSFER_ORDER_STATUSES)[number];

/**
 * POST /transfer-orders answers 201 (created) or 200 (replayed for a known Idempotency-Key).
 * GET /transfer-orders/{id} answers 200 with the order, whatever its status, or 404 with
 * the error body when 1С has no document with that id.
 */
export const oneCTransferOrderSchema = z.object({
  id: z.string().min(1),
  number: z.string().min(1),
  status: z.enum(ONE_C_TRANSFER_ORDER_STATUSES),
  hubOrderId: z.uuid(),
  sourceWarehouseId: z.string().min(1),
  targetWarehouseId: z.string().min(1),
  lines: z.array(oneCTransferOrderLineSchema),
});
export type OneCTransferOrder = z.infer<typeof oneCTransferOrderSchema>;

/** GET /transfer-orders?status=open → { items: OneCTransferOrder[] }: not yet received nor cancelled. */
export const oneCListSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Value of `status` in GET /transfer-orders?status=open: everything not received nor cancelled. */
export const ONE_C_OPEN_ORDERS_FILTER = 'open';

export const oneCWarehouseListSchema = oneCListSchema(oneCWarehouseSchema);
export const oneCTransferOrderListSchema = oneCListSchema(oneCTransferOrderSchema);
export const oneCStockResponseSchema = z.object({ warehouseId: z.string().min(1), items: z.array(oneCStockItemSchema) });
export const oneCReplenishmentSettingsResponseSchema = z.object({
  warehouseId: z.string().min(1),
  items: z.array(oneCReplenishmentSettingSchema),
});

/** Every error answer: { error: { code, message } } */
export const oneCErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
