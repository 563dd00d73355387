import { z } from '@hono/zod-openapi';
import { uuid } from './common';

/*
 * What runs and plans are made of, as the API shows them. Explanations and counts keep the
 * lib's camelCase keys: they are stored as they are shown.
 */

/** A warehouse as an operator reads it; `id` null for one 1С lists that the hub has not synced yet (dry runs read 1С live). */
export const warehouseLabelSchema = z.object({ id: uuid.nullable(), external_id: z.string(), code: z.string(), name: z.string() }).openapi('WarehouseLabel');

/** A product as an operator reads it; `id` as for a warehouse. */
export const productLabelSchema = z.object({ id: uuid.nullable(), external_id: z.string(), sku: z.string(), name: z.string() }).openapi('ProductLabel');

const quantity = z.number();

/** Why a (target, product) needs anything: position = on hand − reserved + inbound; need = max − position rounded up to the multiple. */
const needFields = {
  onHand: quantity,
  reserved: quantity,
  inbound: quantity,
  position: quantity,
  min: quantity,
  max: quantity,
  multiple: quantity,
  need: quantity,
};
export const needExplanationSchema = z.object(needFields).openapi('NeedExplanation');

// Spread rather than .extend(): the document would say allOf [NeedExplanation, …], which a strict reader cannot close.
/** The numbers that produced a line's quantity (README: "How a run plans, and how to check a line"). */
export const lineExplanationSchema = z
  .object({
    ...needFields,
    donorSurplus: quantity,
    allocated: quantity,
    totalNeed: quantity,
    totalSurplus: quantity,
    fairShare: quantity,
    fairQuota: quantity,
    covered: quantity,
    share: quantity,
  })
  .openapi('LineExplanation');

export const explainedLineSchema = z
  .object({ product: productLabelSchema, quantity: z.number().int(), explanation: lineExplanationSchema })
  .openapi('ExplainedLine');

/** How big a plan is. */
export const planCountsSchema = z
  .object({
    needs: z.number().int(),
    transferOrders: z.number().int(),
    transferLines: z.number().int(),
    unitsPlanned: z.number(),
    uncoveredLines: z.number().int(),
    uncoveredUnits: z.number(),
    externalOrders: z.number().int(),
    externalLines: z.number().int(),
    externalUnits: z.number(),
  })
  .openapi('PlanCounts');
