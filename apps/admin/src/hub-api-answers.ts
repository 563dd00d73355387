import { z } from 'zod';

/*
 * The API's answers the admin reads, as the admin parses them. The admin's test stand-in of the
 * API answers with exactly these types, so a stand-in that says something the admin would not
 * accept from the real API (a trigger "accepted" where the API says "queued") is a type error.
 */

/** `GET /api/v1/warehouses` → 200. */
export const warehouseListSchema = z.object({
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
});

/** Every error answer: `{ error: { code, message, field?, run_id? } }`. */
export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), run_id: z.string().optional() }),
});

/** `POST /api/v1/trigger/internal-replenishment` → 202: the run is queued and goes on in the background. */
export const triggerAcceptedSchema = z.object({ run_id: z.uuid(), request_id: z.uuid(), status: z.literal('queued') });

/** The trigger's 409: a run for an overlapping target is in progress, and this is it. */
export const runInProgressSchema = z.object({
  error: apiErrorSchema.shape.error.extend({ code: z.literal('run_in_progress'), run_id: z.uuid() }),
});

/** `POST /api/v1/outbox/{id}/retry` → 200: the event is pending again. */
export const retryAcceptedSchema = z.object({
  event: z.object({ id: z.uuid(), status: z.literal('pending') }),
  previous_attempts: z.number().int(),
  aggregate_reset: z.boolean(),
});

const warehouseLabelSchema = z.object({ id: z.string().nullable(), code: z.string(), name: z.string() });
const explainedLineSchema = z.object({
  product: z.object({ sku: z.string(), name: z.string() }),
  quantity: z.number(),
  explanation: z.record(z.string(), z.number()),
});

/** `POST /api/v1/trigger/internal-replenishment?dry_run=true` → 200: what a run would order now, and why. */
export const dryRunPlanSchema = z.object({
  dry_run: z.literal(true),
  request_id: z.uuid(),
  target_warehouse_id: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  transfer_orders: z.array(z.object({ source: warehouseLabelSchema, target: warehouseLabelSchema, lines: z.array(explainedLineSchema) })),
  external_orders: z.array(z.object({ target: warehouseLabelSchema, lines: z.array(explainedLineSchema) })),
});

export type DryRunPlanAnswer = z.input<typeof dryRunPlanSchema>;
export type DryRunPlan = z.output<typeof dryRunPlanSchema>;
export type WarehouseListAnswer = z.input<typeof warehouseListSchema>;
export type ApiErrorAnswer = z.input<typeof apiErrorSchema>;
export type TriggerAcceptedAnswer = z.input<typeof triggerAcceptedSchema>;
export type RetryAcceptedAnswer = z.input<typeof retryAcceptedSchema>;
