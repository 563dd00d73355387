import { createRoute, z } from '@hono/zod-openapi';
import { OUTBOX_STATUSES } from '@hub/db';
import { ORDER_EVENT_TYPES } from '@hub/orders';
import { BEARER_SECURITY, jsonAnswer, oneOf, operatorHeadersSchema, timestamp, uuid, uuidParameter } from './common';
import { errorResponses, GUARDED_ERRORS } from './errors';
import { listQuery, pageOf } from './pagination';

/** An outbox event; `payload` only when the list was asked for it (`include=payload`). */
export const outboxEventSchema = z
  .object({
    id: uuid,
    aggregate_type: z.string(),
    aggregate_id: uuid,
    event_type: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    next_attempt_at: timestamp,
    lease_owner: z.string().nullable(),
    lease_expires_at: timestamp.nullable(),
    last_error: z.string().nullable(),
    response_ref: z.string().nullable().openapi({ description: "The other side's document id once delivered" }),
    created_at: timestamp,
    updated_at: timestamp,
    delivered_at: timestamp.nullable(),
    payload: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('OutboxEvent');

const countsByStatus = z.object(
  Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, z.number().int()])) as Record<(typeof OUTBOX_STATUSES)[number], z.ZodNumber>,
);
const ageSeconds = z.number().nullable().openapi({ description: 'How long the oldest pending event has waited, in seconds; null when none is pending' });

/** The outbox at a glance: counts by status, the same per event type, the oldest pending event's age. */
export const outboxStatsSchema = z
  .object({
    by_status: countsByStatus,
    by_event_type: z.record(z.string(), z.object({ by_status: countsByStatus, oldest_pending_age_seconds: ageSeconds })),
    oldest_pending_age_seconds: ageSeconds,
  })
  .openapi('OutboxStats');

// `before` and `next_before` are the names this list had before every list took `cursor`; both stay.
export const outboxListQuerySchema = listQuery(
  {
    status: oneOf(OUTBOX_STATUSES).optional(),
    event_type: oneOf(ORDER_EVENT_TYPES).optional(),
    include: z.literal('payload', { error: 'can only be payload' }).optional().openapi({ description: "`payload` adds each event's payload" }),
  },
  { beforeAlias: true },
);

/** A page of events; `next_before` repeats `next_cursor` under the list's older name. */
export const outboxPageSchema = pageOf(outboxEventSchema)
  .extend({ next_before: uuid.nullable().openapi({ description: 'The same as next_cursor (older name)' }) })
  .openapi('OutboxPage');

export const outboxEventParametersSchema = z.object({ id: uuidParameter().openapi({ param: { name: 'id', in: 'path' } }) });

/** 200 to a retry: the event, pending again, with what it had been through. */
export const retryAcceptedSchema = z
  .object({
    event: outboxEventSchema,
    previous_attempts: z.number().int(),
    aggregate_reset: z.boolean().openapi({ description: 'Whether its transfer or external order went from failed back to pending' }),
  })
  .openapi('RetryAccepted');

export const listOutboxRoute = createRoute({
  method: 'get',
  path: '/api/v1/outbox',
  tags: ['outbox'],
  summary: 'Outbox events, newest first, one page at a time',
  security: BEARER_SECURITY,
  request: { query: outboxListQuerySchema },
  responses: {
    200: jsonAnswer('A page of events', outboxPageSchema),
    ...errorResponses([...GUARDED_ERRORS, 422], {
      422: 'A filter, `limit`, `cursor` or `before` is invalid or unknown; `unknown_cursor` for a cursor that names no event, `conflicting_values` for cursor ≠ before',
    }),
  },
});

export const outboxStatsRoute = createRoute({
  method: 'get',
  path: '/api/v1/outbox/stats',
  tags: ['outbox'],
  summary: "Counts by status and event type, and the oldest pending event's age",
  security: BEARER_SECURITY,
  responses: {
    200: jsonAnswer('The counts', outboxStatsSchema),
    ...errorResponses(GUARDED_ERRORS),
  },
});

export const retryOutboxEventRoute = createRoute({
  method: 'post',
  path: '/api/v1/outbox/{id}/retry',
  tags: ['outbox'],
  summary: 'A dead event back to pending, by hand',
  description: 'Attempts 0, due now, lease cleared; its order goes from failed back to pending in the same statement. Logged as an `outbox_retry` row.',
  security: BEARER_SECURITY,
  request: { params: outboxEventParametersSchema, headers: operatorHeadersSchema },
  responses: {
    200: jsonAnswer('The event is pending again', retryAcceptedSchema),
    ...errorResponses([...GUARDED_ERRORS, 404, 409, 413, 422], {
      409: 'The event is not dead (code `event_not_dead`; the message names its status)',
      413: 'A body over the limit every route has (code `payload_too_large`); this route reads none',
      422: '`id` is not a UUID',
    }),
  },
});

export type RetryAcceptedAnswer = z.input<typeof retryAcceptedSchema>;
