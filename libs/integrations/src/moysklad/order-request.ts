/**
 * The hub's request for one outside order, as a replenishment run writes it into the payload
 * of a CREATE_MS_CUSTOMER_ORDER outbox event. It names products by SKU and warehouses by the
 * hub's own ids: the delivering handler maps them to МойСклад entities (the SKU is the
 * product's `article` in МойСклад) and sends `externalCode` = the outbox event id.
 */
import { z } from 'zod';

export const MS_CUSTOMER_ORDER_EVENT = 'CREATE_MS_CUSTOMER_ORDER' as const;
/** The outbox aggregate an outside order's events belong to. */
export const EXTERNAL_ORDER_AGGREGATE = 'external_order';

export const msOrderRequestLineSchema = z.object({
  /** The hub's product id (products.id). */
  productId: z.uuid(),
  sku: z.string().min(1),
  name: z.string().min(1),
  quantity: z.number().int().positive(),
});
export type MsOrderRequestLine = z.infer<typeof msOrderRequestLineSchema>;

export const msOrderRequestSchema = z.object({
  /** external_orders.id: the hub's record this order fulfils. */
  hubOrderId: z.uuid(),
  runId: z.uuid(),
  /** The own warehouse the goods are for (hub id, and the code/name an operator recognises). */
  targetWarehouse: z.object({ id: z.uuid(), code: z.string().min(1), name: z.string().min(1) }),
  comment: z.string(),
  lines: z.array(msOrderRequestLineSchema).min(1),
});
export type MsOrderRequest = z.infer<typeof msOrderRequestSchema>;
