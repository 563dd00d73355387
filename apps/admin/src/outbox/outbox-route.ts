import { UnknownCursorError, type SessionFactory } from '@hub/db';
import type { StdoutLogger } from '@hub/logging';
import { ORDER_EVENT_TYPES } from '@hub/orders';
import { listOutboxEvents, readOutboxStats } from '@hub/outbox';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { AdminEnv } from '../admin-env';
import { requireOperatorRole } from '../auth/auth-routes';
import type { HubApi } from '../hub-api';
import { currentMessages } from '../i18n/messages';
import { renderLayout, renderNotice } from '../views/layout';
import { renderOutboxPage, type OutboxPageModel } from '../views/outbox-page';
import { OUTBOX_PAGE_SIZE, outboxUrl, parseOutboxRequest, readOutboxForm, type OutboxRequest } from './outbox-request';
import { setRetryFlash, takeRetryFlash } from './retry-flash';
import { readFormBody } from '../form-body';

interface OutboxRouteDeps {
  sessions: SessionFactory;
  api: HubApi;
  apiOrigin: string;
  logger: StdoutLogger;
}

const eventIdSchema = z.uuid({ error: () => currentMessages().validation.eventId });

/** What the page shows below the counts, read straight from the database like the logs page. */
async function readOutcome(deps: OutboxRouteDeps, request: OutboxRequest): Promise<OutboxPageModel['outcome']> {
  if (request.kind === 'invalid') return request;
  const { filters, cursorField } = request;
  try {
    const page = await listOutboxEvents(deps.sessions.open(), {
      status: filters.status,
      eventType: filters.eventType,
      cursor: filters.cursor,
      limit: OUTBOX_PAGE_SIZE,
      includePayload: true,
    });
    return { kind: 'events', filters, events: page.items, nextCursor: page.nextCursor };
  } catch (error) {
    if (error instanceof UnknownCursorError) return { kind: 'invalid', problems: [currentMessages().outbox.cursorUnknown(cursorField)] };
    throw error;
  }
}

/**
 * `GET /outbox`: counts by status, filters and the events newest first.
 * `POST /outbox/:id/retry`: asks the API to retry a dead event, then shows the outcome.
 */
export function createOutboxRoute(deps: OutboxRouteDeps): Hono<AdminEnv> {
  return (
    new Hono<AdminEnv>()
      .get('/', async (c) => {
        const form = readOutboxForm(c.req.query());
        const request = parseOutboxRequest(form);
        const [stats, outcome] = await Promise.all([readOutboxStats(deps.sessions.open(), ORDER_EVENT_TYPES), readOutcome(deps, request)]);
        const model: OutboxPageModel = { form, stats, outcome, flash: takeRetryFlash(c), apiOrigin: deps.apiOrigin };
        return c.html(renderOutboxPage(model), outcome.kind === 'invalid' ? 422 : 200);
      })
      // The button changes what gets delivered: operators only (the app's requireOwnOrigin() keeps other sites' forms out).
      .post('/:id/retry', requireOperatorRole(), async (c) => {
        const eventId = eventIdSchema.safeParse(c.req.param('id'));
        if (!eventId.success) {
          const t = currentMessages().outbox;
          const message = html`${t.notRetried(eventId.error.issues[0]?.message ?? '')} <a href="/outbox">${t.backToOutbox}</a>`;
          return c.html(renderLayout(t.title, renderNotice('error', message)), 422);
        }
        // Back to the filters the operator was looking at; anything malformed falls back to the plain page.
        const back = parseOutboxRequest(readOutboxForm(await readFormBody(c)));
        const operator = c.var.operator.username;
        const outcome = await deps.api.retryOutboxEvent(eventId.data, operator);
        if (outcome.kind === 'retried') deps.logger.info({ eventId: eventId.data, operator }, 'dead outbox event retried');
        else deps.logger.warn({ eventId: eventId.data, outcome, api: deps.apiOrigin, operator }, 'outbox event retry failed');
        setRetryFlash(c, { eventId: eventId.data, outcome });
        const filters = back.kind === 'valid' ? { status: back.filters.status, eventType: back.filters.eventType } : {};
        // 303: the browser follows with a GET, so a reload does not post again.
        return c.redirect(outboxUrl(filters), 303);
      })
  );
}
