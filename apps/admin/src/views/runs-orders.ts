import type { OrderStatus } from '@hub/db';
import type { OutboxEventState, RecordedExternalOrder, RecordedTransferOrder, WarehouseLabel } from '@hub/replenishment';
import { html } from 'hono/html';
import { currentTimeZone } from '../admin-env';
import { formatTime } from './format';
import type { Markup } from './layout';
import { STATUS_LABELS } from './outbox-summary';
import { renderStatus } from './runs-format';
import { renderExplainedLines } from './runs-lines';

const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Pending',
  sent: 'Sent',
  received: 'Received',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

const warehouse = (label: WarehouseLabel): string => `${label.code} — ${label.name}`;

/** One transfer order: donor → target, its 1С number and delivery, then its lines. */
export function renderTransferOrder(order: RecordedTransferOrder): Markup {
  return html`<section class="panel order">
  <h3>${warehouse(order.source)} → ${warehouse(order.target)} ${renderStatus(order.status, ORDER_STATUS_LABELS[order.status] ?? order.status)}</h3>
  ${renderOrderFacts(order, '1С number')}
  ${renderExplainedLines(order.lines)}
</section>`;
}

/** One outside order: what own warehouses could not cover, bought for the target in МойСклад. */
export function renderExternalOrder(order: RecordedExternalOrder): Markup {
  return html`<section class="panel order">
  <h3>For ${warehouse(order.target)} ${renderStatus(order.status, ORDER_STATUS_LABELS[order.status] ?? order.status)}</h3>
  ${renderOrderFacts(order, 'МойСклад number')}
  ${renderExplainedLines(order.lines)}
</section>`;
}

function renderOrderFacts(order: RecordedTransferOrder | RecordedExternalOrder, numberLabel: string): Markup {
  return html`<dl class="facts">
    <dt>Order ID</dt><dd class="id">${order.id}</dd>
    <dt>${numberLabel}</dt><dd>${order.externalNumber ?? 'not yet: the other side has not accepted the order'}</dd>
    <dt>Outbox event</dt><dd>${renderEventState(order.outboxEvent)}</dd>
  </dl>`;
}

function renderEventState(event: OutboxEventState | null): Markup | string {
  if (event === null) return 'none was written';
  const when =
    event.deliveredAt !== null
      ? `delivered ${formatTime(new Date(event.deliveredAt))} ${currentTimeZone()}`
      : event.status === 'pending'
        ? `next attempt ${formatTime(new Date(event.nextAttemptAt))} ${currentTimeZone()}`
        : '';
  return html`${renderStatus(event.status, STATUS_LABELS[event.status] ?? event.status)}
      ${event.attempts} ${event.attempts === 1 ? 'attempt' : 'attempts'}${when === '' ? '' : `, ${when}`}
      <span class="id">${event.eventType} ${event.id}</span>
      ${event.lastError === null ? null : html`<br /><span class="message">Last error: ${event.lastError}</span>`}`;
}
