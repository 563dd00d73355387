import { OUTBOX_STATUSES } from '@hub/db';
import { ORDER_EVENT_TYPES } from '@hub/orders';
import type { OutboxEventView, OutboxStats } from '@hub/outbox';
import { html } from 'hono/html';
import { OUTBOX_PAGE_SIZE, outboxUrl, type OutboxFilters, type OutboxFormValues } from '../outbox/outbox-request';
import type { RetryFlash } from '../outbox/retry-flash';
import { renderLayout, renderNotice, type Markup } from './layout';
import { renderOutboxCounts, renderRetryFlash, STATUS_LABELS } from './outbox-summary';
import { renderOutboxTable } from './outbox-table';

/** Everything the outbox page shows. */
export interface OutboxPageModel {
  form: OutboxFormValues;
  stats: OutboxStats;
  outcome:
    | { kind: 'invalid'; problems: string[] }
    | { kind: 'events'; filters: OutboxFilters; events: OutboxEventView[]; nextCursor: string | null };
  flash?: RetryFlash | undefined;
  /** The API's origin (no path, no credentials), named when it cannot be reached. */
  apiOrigin: string;
}

/** The outbox page: the last retry's outcome, counts by status, filters and the events. */
export function renderOutboxPage(model: OutboxPageModel): Markup {
  return renderLayout(
    'Outbox',
    html`${model.flash ? renderRetryFlash(model.flash, model.apiOrigin) : null}
${renderOutboxCounts(model.stats)}
${renderFilters(model.form)}
${renderOutcome(model.outcome)}`,
  );
}

function renderOutcome(outcome: OutboxPageModel['outcome']): Markup {
  if (outcome.kind === 'invalid') {
    return renderNotice('error', html`The filters could not be used:<ul>${outcome.problems.map((problem) => html`<li>${problem}</li>`)}</ul>`);
  }
  const { events, filters, nextCursor } = outcome;
  const filtered = filters.status !== undefined || filters.eventType !== undefined;
  if (events.length === 0) {
    const message = filters.cursor ? 'No older outbox events.' : filtered ? 'No outbox events match the filters.' : 'The outbox is empty: no event has been written yet.';
    return renderNotice('info', message);
  }
  const older = nextCursor === null ? null : html`<p><a href="${outboxUrl({ ...filters, cursor: nextCursor })}">Older events →</a></p>`;
  return html`<p class="hint">${events.length} ${events.length === 1 ? 'event' : 'events'}${filtered ? ' matching the filters' : ''}, newest first${
    nextCursor === null ? '' : ` (${OUTBOX_PAGE_SIZE} per page)`
  }.</p>
${renderOutboxTable(events, filters)}
${older}`;
}

function renderFilters(form: OutboxFormValues): Markup {
  const selected = (current: string, value: string): string => (current === value ? 'selected' : '');
  return html`<section class="panel">
  <form class="filters" method="get" action="/outbox">
    <label>Status
      <select name="status">
        <option value="">Any</option>
        ${OUTBOX_STATUSES.map((status) => html`<option value="${status}" ${selected(form.status, status)}>${STATUS_LABELS[status]}</option>`)}
      </select>
    </label>
    <label>Event type
      <select name="event_type">
        <option value="">Any</option>
        ${ORDER_EVENT_TYPES.map((type) => html`<option value="${type}" ${selected(form.event_type, type)}>${type}</option>`)}
      </select>
    </label>
    <button type="submit">Show</button>
  </form>
</section>`;
}
