import { Hono } from 'hono';
import { OUTBOX_STATUSES } from '@hub/db';
import { ORDER_EVENT_TYPES, ORDER_OUTBOX_HOOKS } from '@hub/orders';
import { listOutboxEvents, readOutboxStats, retryDeadEvent, type OutboxEventView } from '@hub/outbox';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError } from '../api-error';
import type { ApiDependencies } from '../dependencies';
import { readOperator } from '../middleware/operator';
import { validate } from '../middleware/validate';
import { pageBody, validateListQuery } from '../pagination';
import { outboxEventBody, outboxStatsBody } from './outbox-body';

const listFilters = {
  status: z.enum(OUTBOX_STATUSES, { error: `must be one of ${OUTBOX_STATUSES.join(', ')}` }).optional(),
  event_type: z.enum(ORDER_EVENT_TYPES, { error: `must be one of ${ORDER_EVENT_TYPES.join(', ')}` }).optional(),
  include: z.literal('payload', { error: 'can only be payload' }).optional(),
};

const eventParameters = z.object({ id: z.uuid({ error: 'must be a UUID' }) });

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
 * GET / (events newest first, by status and type, one page at a time), GET /stats
 * (counts) and POST /:id/retry (a dead event back to pending, by hand).
 */
export function outboxRoutes(deps: ApiDependencies): Hono {
  return new Hono()
    // `before` and `next_before` are the names this list had before every list took `cursor`; both stay.
    .get('/', validateListQuery(listFilters, { beforeAlias: true }), async (c) => {
      const query = c.req.valid('query');
      const page = await listOutboxEvents(deps.sessions.open(), {
        status: query.status,
        eventType: query.event_type,
        cursor: query.cursor,
        limit: query.limit,
        includePayload: query.include === 'payload',
      });
      return c.json({ ...pageBody(page, outboxEventBody), next_before: page.nextCursor });
    })
    .get('/stats', async (c) => c.json(outboxStatsBody(await readOutboxStats(deps.sessions.open(), ORDER_EVENT_TYPES))))
    .post('/:id/retry', validate('param', eventParameters), async (c) => {
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
      return c.json({ event: outboxEventBody(event), previous_attempts: previousAttempts, aggregate_reset: aggregateReset });
    });
}
