import { OpenAPIHono } from '@hono/zod-openapi';
import { API_ERROR_CODES, listOutboxRoute, outboxStatsRoute, retryOutboxEventRoute } from '@hub/api-contract';
import { ORDER_EVENT_TYPES, ORDER_OUTBOX_HOOKS } from '@hub/orders';
import { listOutboxEvents, readOutboxStats, retryDeadEvent, type OutboxEventView } from '@hub/outbox';
import { ApiError } from '../api-error';
import type { ApiDependencies } from '../dependencies';
import { readOperator } from '../middleware/operator';
import { pageBody, pageQueryOf } from '../pagination';
import { outboxEventBody, outboxStatsBody } from './outbox-body';

/** The audit row of a manual retry: which event, what it had been through, who asked. */
function retryLogPayload(event: OutboxEventView, previousAttempts: number, aggregateReset: boolean) {
  return {
    eventId: event.id,
    eventType: event.eventType,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    previousAttempts,
    lastError: event.lastError,
    aggregateReset,
  };
}

/**
 * GET /api/v1/outbox (events newest first, by status and type, one page at a time), GET
 * /api/v1/outbox/stats (counts) and POST /api/v1/outbox/{id}/retry (a dead event back to pending, by hand).
 */
export function outboxRoutes(deps: ApiDependencies): OpenAPIHono {
  return new OpenAPIHono()
    .openapi(listOutboxRoute, async (c) => {
      const query = pageQueryOf(c, c.req.valid('query'));
      const page = await listOutboxEvents(deps.sessions.open(), {
        status: query.status,
        eventType: query.event_type,
        cursor: query.cursor,
        limit: query.limit,
        includePayload: query.include === 'payload',
      });
      return c.json({ ...pageBody(page, outboxEventBody), next_before: page.nextCursor }, 200);
    })
    .openapi(outboxStatsRoute, async (c) => c.json(outboxStatsBody(await readOutboxStats(deps.sessions.open(), ORDER_EVENT_TYPES)), 200))
    .openapi(retryOutboxEventRoute, async (c) => {
      const { id } = c.req.valid('param');
      const operator = readOperator(c);
      const result = await retryDeadEvent(deps.sessions.open(), id, ORDER_OUTBOX_HOOKS);
      if (result.kind === 'not_found') throw new ApiError(404, API_ERROR_CODES.notFound, `No outbox event with id ${id}`, 'id');
      if (result.kind === 'not_dead') {
        const message = `Outbox event ${id} is ${result.status}, not dead: only dead events can be retried by hand`;
        throw new ApiError(409, API_ERROR_CODES.eventNotDead, message, 'id');
      }
      const { event, previousAttempts, aggregateReset } = result;
      await deps.logger.info('Dead outbox event retried by hand', {
        step: 'outbox_retry',
        status: event.status,
        payload: retryLogPayload(event, previousAttempts, aggregateReset),
        details: { userAgent: c.req.header('user-agent') ?? null, operator },
      });
      return c.json({ event: outboxEventBody(event), previous_attempts: previousAttempts, aggregate_reset: aggregateReset }, 200);
    });
}
