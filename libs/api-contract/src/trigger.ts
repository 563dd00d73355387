import { createRoute, z } from '@hono/zod-openapi';
import type { RunTrigger } from '@hub/db';
import { BEARER_SECURITY, jsonAnswer, oneOf, operatorHeadersSchema, uuid, uuidParameter } from './common';
import { errorResponses, GUARDED_ERRORS, runInProgressSchema } from './errors';
import { explainedLineSchema, needExplanationSchema, planCountsSchema, productLabelSchema, warehouseLabelSchema } from './labels';

/** Who can start a run over HTTP: a caller of this endpoint, or the admin app's button on an operator's behalf. */
export const HTTP_TRIGGERS = ['endpoint', 'admin'] as const satisfies readonly RunTrigger[];
/** The body names one warehouse at most; a larger one is not a trigger and is not read. */
export const MAX_TRIGGER_BODY_BYTES = 16 * 1024;

const runFields = {
  warehouse_id: uuidParameter()
    .optional()
    .openapi({ description: 'Plan this target only (an `id` from GET /api/v1/warehouses); without it, every warehouse with rules' }),
  trigger: oneOf(HTTP_TRIGGERS).optional().openapi({ description: 'Who starts the run: `endpoint` (default) or `admin` (the admin app says so)' }),
};

// Strict: a misspelt parameter (warehouseId) must not silently widen the run to every warehouse.
/** The trigger's optional JSON body (read whatever the Content-Type, since `curl -d` sends form-urlencoded); `{}` when empty. */
export const triggerBodySchema = z.strictObject(runFields).openapi('TriggerBody');

/** The trigger's query string: the body's fields (given once, or equal) and `dry_run`. */
export const triggerQuerySchema = z.strictObject({
  ...runFields,
  dry_run: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((value) => value === 'true')
    .optional()
    .openapi({ type: 'string', enum: ['true', 'false'], description: '`true`: plan now and answer the plan, writing nothing' }),
});

/** 202: the run is queued and goes on in the background. */
export const triggerAcceptedSchema = z.object({ run_id: uuid, request_id: uuid, status: z.literal('queued') }).openapi('TriggerAccepted');

/** 200 to a dry run: what a run would order now, and why; nothing was written. */
export const dryRunPlanSchema = z
  .object({
    dry_run: z.literal(true),
    request_id: uuid,
    target_warehouse_id: uuid.nullable(),
    counts: planCountsSchema,
    needs: z.array(z.object({ warehouse: warehouseLabelSchema, product: productLabelSchema, explanation: needExplanationSchema })),
    transfer_orders: z.array(z.object({ source: warehouseLabelSchema, target: warehouseLabelSchema, lines: z.array(explainedLineSchema) })),
    external_orders: z.array(z.object({ target: warehouseLabelSchema, lines: z.array(explainedLineSchema) })),
  })
  .openapi('DryRunPlan');

export type DryRunPlan = z.output<typeof dryRunPlanSchema>;
export type DryRunPlanAnswer = z.input<typeof dryRunPlanSchema>;

export const triggerRoute = createRoute({
  method: 'post',
  path: '/api/v1/trigger/internal-replenishment',
  tags: ['runs'],
  summary: 'Start an internal replenishment run, or plan one (dry run)',
  description:
    'Queues a run and answers 202 at once; the run goes on in the background. `X-Request-ID` is reused when it is a UUID. ' +
    '`warehouse_id` and `trigger` may come in the query string or the JSON body (both only when they agree). ' +
    'With `dry_run=true`: plans now and answers 200 with the plan, writing nothing.',
  security: BEARER_SECURITY,
  request: {
    query: triggerQuerySchema,
    headers: operatorHeadersSchema,
    body: { required: false, description: 'Optional; read as JSON whatever the Content-Type', content: { 'application/json': { schema: triggerBodySchema } } },
  },
  responses: {
    200: jsonAnswer("The dry run's plan (`dry_run=true`)", dryRunPlanSchema),
    202: jsonAnswer('The run is queued', triggerAcceptedSchema),
    409: jsonAnswer('A run for an overlapping target is queued or running: `run_id` names it', runInProgressSchema),
    ...errorResponses([...GUARDED_ERRORS, 413, 422, 502], {
      422: 'A parameter is invalid, unknown (`unknown_field`), given twice with different values (`conflicting_values`), the body is not JSON (`malformed_json`), or the warehouse is unknown (`unknown_warehouse`)',
      502: 'A dry run could not read 1С (code `upstream_failed`)',
    }),
  },
});

export type TriggerAcceptedAnswer = z.input<typeof triggerAcceptedSchema>;
