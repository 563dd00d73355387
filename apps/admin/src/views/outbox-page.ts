import { OUTBOX_STATUSES } from '@hub/db';
import { ORDER_EVENT_TYPES } from '@hub/orders';
import type { OutboxEventView, OutboxStats } from '@hub/outbox';
import { html } from 'hono/html';
import { OUTBOX_PAGE_SIZE, outboxUrl, type OutboxFilters, type OutboxFormValues } from '../outbox/outbox-request';
import type { RetryFlash } from '../outbox/retry-flash';
import { renderLayout, renderNotice, type Markup } from './layout';
import { outboxStatusLabel, renderOutboxCounts, renderRetryFlash } from './outbox-summary';
import { currentMessages, type Messages } from '../i18n/messages';
import { renderOutboxTable } from './outbox-table';

/** Everything the outbox page shows. */
export interface OutboxPageModel {
  form: OutboxFormValues;
  stats: OutboxStats;
  outcome: { kind: 'invalid'; problems: string[] } | { kind: 'events'; filters: OutboxFilters; events: OutboxEventView[]; nextCursor: string | null };
  flash?: RetryFlash | undefined;
  /** The API's origin (no path, no credentials), named when it cannot be reached. */
  apiOrigin: string;
}

/** The outbox page: the last retry's outcome, counts by status, filters and the events. */
export function renderOutboxPage(model: OutboxPageModel): Markup {
  const t = currentMessages();
  return renderLayout(
    t.outbox.title,
    html`${model.flash ? renderRetryFlash(model.flash, model.apiOrigin) : null}
${renderOutboxCounts(model.stats)}
${renderFilters(model.form, t)}
${renderOutcome(model.outcome, t)}`,
  );
}

function renderOutcome(outcome: OutboxPageModel['outcome'], t: Messages): Markup {
  if (outcome.kind === 'invalid') {
    return renderNotice('error', html`${t.app.filtersInvalid}<ul>${outcome.problems.map((problem) => html`<li>${problem}</li>`)}</ul>`);
  }
  const { events, filters, nextCursor } = outcome;
  const filtered = filters.status !== undefined || filters.eventType !== undefined;
  if (events.length === 0) {
    const message =
      filters.cursor ? t.outbox.noOlder
      : filtered ? t.outbox.noneMatch
      : t.outbox.empty;
    return renderNotice('info', message);
  }
  const older = nextCursor === null ? null : html`<p><a href="${outboxUrl({ ...filters, cursor: nextCursor })}">${t.outbox.older}</a></p>`;
  return html`<p class="hint">${t.outbox.count(events.length, filtered, nextCursor === null ? null : OUTBOX_PAGE_SIZE)}</p>
${renderOutboxTable(events, filters)}
${older}`;
}

function renderFilters(form: OutboxFormValues, t: Messages): Markup {
  const selected = (current: string, value: string): string => (current === value ? 'selected' : '');
  return html`<section class="panel">
  <form class="filters" method="get" action="/outbox">
    <label>${t.app.status}
      <select name="status">
        <option value="">${t.app.any}</option>
        ${OUTBOX_STATUSES.map((status) => html`<option value="${status}" ${selected(form.status, status)}>${outboxStatusLabel(status)}</option>`)}
      </select>
    </label>
    <label>${t.outbox.eventType}
      <select name="event_type">
        <option value="">${t.app.any}</option>
        ${ORDER_EVENT_TYPES.map((type) => html`<option value="${type}" ${selected(form.event_type, type)}>${type}</option>`)}
      </select>
    </label>
    <button type="submit">${t.app.show}</button>
  </form>
</section>`;
}
