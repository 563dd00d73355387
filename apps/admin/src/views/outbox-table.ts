import { mayChangeThings } from '../admin-env';
import type { OutboxEventView } from '@hub/outbox';
import { html } from 'hono/html';
import type { OutboxFilters } from '../outbox/outbox-request';
import { currentTimeZone } from '../admin-env';
import { formatNumber, formatTimeSecond, prettyJson } from './format';
import type { Markup } from './layout';
import { renderCopyableId } from './log-table';
import { outboxStatusLabel } from './outbox-summary';
import { currentMessages } from '../i18n/messages';

const utcOrEmpty = (date: Date | null): string => (date === null ? '' : formatTimeSecond(date));

/** The events as a table, newest first; a dead one carries a Retry button beside its status. */
export function renderOutboxTable(events: OutboxEventView[], filters: OutboxFilters): Markup {
  const { columns } = currentMessages().outbox;
  return html`<div class="table-wrap">
  <table class="outbox">
    <thead>
      <tr>
        <th>${columns.createdAt(currentTimeZone())}</th><th>${columns.eventId}</th><th>${columns.eventType}</th><th>${columns.aggregate}</th><th>${columns.status}</th><th>${columns.attempts}</th>
        <th>${columns.nextAttempt}</th><th>${columns.lease}</th><th>${columns.lastError}</th><th>${columns.responseRef}</th><th>${columns.deliveredAt}</th>
        <th>${columns.payload}</th>
      </tr>
    </thead>
    <tbody>
      ${events.map((event) => renderEventRow(event, filters))}
    </tbody>
  </table>
</div>`;
}

function renderEventRow(event: OutboxEventView, filters: OutboxFilters): Markup {
  const t = currentMessages().outbox;
  return html`<tr>
        <td class="time">${formatTimeSecond(event.createdAt)}</td>
        <td>${renderCopyableId(event.id)}</td>
        <td class="event-type">${event.eventType}</td>
        <td>${event.aggregateType}<br />${renderCopyableId(event.aggregateId)}</td>
        <td><span class="status status-${event.status}">${outboxStatusLabel(event.status)}</span>
          ${event.status === 'dead' && mayChangeThings() ? renderRetryButton(event.id, filters) : null}</td>
        <td class="number">${formatNumber(event.attempts)}</td>
        <td class="time">${event.status === 'pending' ? formatTimeSecond(event.nextAttemptAt) : ''}</td>
        <td>${event.leaseOwner === null ? '' : html`${event.leaseOwner}<br /><span class="time">${t.leaseUntil} ${utcOrEmpty(event.leaseExpiresAt)}</span>`}</td>
        <td class="message">${event.lastError}</td>
        <td class="id">${event.responseRef}</td>
        <td class="time">${utcOrEmpty(event.deliveredAt)}</td>
        <td>${event.payload === undefined ? null : html`<details><summary>${t.columns.payload}</summary><pre class="json">${prettyJson(event.payload)}</pre></details>`}</td>
      </tr>`;
}

/** A same-origin form post (checked by the CSRF guard) that brings the operator back to the same filters. */
function renderRetryButton(eventId: string, filters: OutboxFilters): Markup {
  return html`<form class="retry" method="post" action="/outbox/${eventId}/retry">
          <input type="hidden" name="status" value="${filters.status ?? ''}" />
          <input type="hidden" name="event_type" value="${filters.eventType ?? ''}" />
          <button type="submit">${currentMessages().outbox.retry}</button>
        </form>`;
}
