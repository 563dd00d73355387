import { createRoute, z } from '@hono/zod-openapi';
import { ORDER_STATUSES, OUTBOX_STATUSES, RUN_STATUSES, RUN_TRIGGERS } from '@hub/db';
import { BEARER_SECURITY, jsonAnswer, oneOf, timestamp, uuid, uuidParameter } from './common';
import { errorResponses, GUARDED_ERRORS } from './errors';
import { explainedLineSchema, warehouseLabelSchema } from './labels';
import { listQuery, pageOf } from './pagination';

/** A run: who started it, for which target, where it stands, what it counted. */
const runFields = {
  id: uuid,
  trigger: z.enum(RUN_TRIGGERS),
  started_by: z.string().nullable().openapi({ description: 'The admin operator who started the run (`X-Hub-Operator`); null when started otherwise' }),
  request_id: uuid.nullable(),
  target_warehouse_id: uuid.nullable(),
  parameters: z.record(z.string(), z.unknown()),
  status: z.enum(RUN_STATUSES),
  counts: z.record(z.string(), z.number()).openapi({ description: "The plan's counts (PlanCounts) once the run succeeded; `{}` before" }),
  error: z.string().nullable(),
  created_at: timestamp,
  started_at: timestamp.nullable(),
  finished_at: timestamp.nullable(),
  duration_ms: z.number().int().nullable(),
};
export const runSchema = z.object(runFields).openapi('Run');

/** Where an order's delivery stands: its newest outbox event. */
export const orderEventSchema = z
  .object({
    id: uuid,
    event_type: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    last_error: z.string().nullable(),
    next_attempt_at: timestamp,
    delivered_at: timestamp.nullable(),
  })
  .openapi('OrderOutboxEvent');

const recordedOrder = {
  id: uuid,
  status: z.enum(ORDER_STATUSES),
  external_id: z.string().nullable().openapi({ description: "The other side's id once it accepted the order" }),
  external_number: z.string().nullable(),
  target: warehouseLabelSchema,
  lines: z.array(explainedLineSchema),
  outbox_event: orderEventSchema.nullable(),
};

/** A run with its transfer orders (to 1С) and outside orders (to МойСклад). */
export const runDetailSchema = z
  .object({
    ...runFields,
    transfer_orders: z.array(z.object({ ...recordedOrder, source: warehouseLabelSchema })),
    external_orders: z.array(z.object(recordedOrder)),
  })
  .openapi('RunDetail');

export const runListQuerySchema = listQuery({
  status: oneOf(RUN_STATUSES).optional(),
  trigger: oneOf(RUN_TRIGGERS).optional(),
});

export const runParametersSchema = z.object({
  run_id: uuidParameter().openapi({ param: { name: 'run_id', in: 'path' } }),
});

export const listRunsRoute = createRoute({
  method: 'get',
  path: '/api/v1/runs',
  tags: ['runs'],
  summary: 'Runs, newest first, one page at a time',
  security: BEARER_SECURITY,
  request: { query: runListQuerySchema },
  responses: {
    200: jsonAnswer('A page of runs', pageOf(runSchema).openapi('RunPage')),
    ...errorResponses([...GUARDED_ERRORS, 422], {
      422: 'A filter, `limit` or `cursor` is invalid or unknown; `unknown_cursor` for a cursor that names no run',
    }),
  },
});

export const getRunRoute = createRoute({
  method: 'get',
  path: '/api/v1/runs/{run_id}',
  tags: ['runs'],
  summary: 'A run with its orders, explained lines and deliveries',
  security: BEARER_SECURITY,
  request: { params: runParametersSchema },
  responses: {
    200: jsonAnswer('The run', runDetailSchema),
    ...errorResponses([...GUARDED_ERRORS, 404, 422], { 422: '`run_id` is not a UUID' }),
  },
});
