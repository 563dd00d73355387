/**
 * The hub's request for one outside order, as a run writes it into the payload of the
 * event that delivers it. It names products by SKU and warehouses by the hub's own ids: the
 * delivery maps them to МойСклад entities (the SKU is the product's `article` in МойСклад)
 * and sends `externalCode` = the outbox event id.
 */
import { z } from 'zod';

export const msOrderRequestLineSchema = z.object({
  /** The hub's product id (products.id). */
  productId: z.uuid(),
  sku: z.string().min(1),
  name: z.string().min(1),
  quantity: z.number().int().positive(),
});
export type MsOrderRequestLine = z.infer<typeof msOrderRequestLineSchema>;

export const msOrderRequestSchema = z.object({
  /** The hub's outside order this request fulfils (its id). */
  hubOrderId: z.uuid(),
  runId: z.uuid(),
  /** The own warehouse the goods are for (hub id, and the code/name an operator recognises). */
  targetWarehouse: z.object({ id: z.uuid(), code: z.string().min(1), name: z.string().min(1) }),
  comment: z.string(),
  lines: z.array(msOrderRequestLineSchema).min(1),
});
export type MsOrderRequest = z.infer<typeof msOrderRequestSchema>;
