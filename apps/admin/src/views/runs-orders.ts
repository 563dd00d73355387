import type { OrderStatus } from '@hub/db';
import type { OutboxEventState, RecordedExternalOrder, RecordedTransferOrder, WarehouseLabel } from '@hub/replenishment';
import { html } from 'hono/html';
import { currentTimeZone } from '../admin-env';
import { formatTime } from './format';
import type { Markup } from './layout';
import { currentMessages } from '../i18n/messages';
import { outboxStatusLabel } from './outbox-summary';
import { renderStatus } from './runs-format';
import { renderExplainedLines } from './runs-lines';

/** An order status in the page's language; one this admin does not know is shown as stored. */
function orderStatusLabel(status: OrderStatus | string): string {
  const labels: Record<string, string> = currentMessages().orders.statuses;
  return labels[status] ?? status;
}

const warehouse = (label: WarehouseLabel): string => `${label.code} — ${label.name}`;

/** One transfer order: donor → target, its 1С number and delivery, then its lines. */
export function renderTransferOrder(order: RecordedTransferOrder): Markup {
  return html`<section class="panel order">
  <h3>${warehouse(order.source)} → ${warehouse(order.target)} ${renderStatus(order.status, orderStatusLabel(order.status))}</h3>
  ${renderOrderFacts(order, currentMessages().orders.oneCNumber)}
  ${renderExplainedLines(order.lines)}
</section>`;
}

/** One outside order: what own warehouses could not cover, bought for the target in МойСклад. */
export function renderExternalOrder(order: RecordedExternalOrder): Markup {
  return html`<section class="panel order">
  <h3>${currentMessages().orders.forTarget(warehouse(order.target))} ${renderStatus(order.status, orderStatusLabel(order.status))}</h3>
  ${renderOrderFacts(order, currentMessages().orders.moySkladNumber)}
  ${renderExplainedLines(order.lines)}
</section>`;
}

function renderOrderFacts(order: RecordedTransferOrder | RecordedExternalOrder, numberLabel: string): Markup {
  const t = currentMessages().orders;
  return html`<dl class="facts">
    <dt>${t.orderId}</dt><dd class="id">${order.id}</dd>
    <dt>${numberLabel}</dt><dd>${order.externalNumber ?? t.notYetAccepted}</dd>
    <dt>${t.outboxEvent}</dt><dd>${renderEventState(order.outboxEvent)}</dd>
  </dl>`;
}

function renderEventState(event: OutboxEventState | null): Markup | string {
  const t = currentMessages().orders;
  if (event === null) return t.noneWritten;
  const when =
    event.deliveredAt !== null ? t.delivered(`${formatTime(new Date(event.deliveredAt))} ${currentTimeZone()}`)
    : event.status === 'pending' ? t.nextAttempt(`${formatTime(new Date(event.nextAttemptAt))} ${currentTimeZone()}`)
    : '';
  return html`${renderStatus(event.status, outboxStatusLabel(event.status))}
      ${t.attempts(event.attempts)}${when === '' ? '' : `, ${when}`}
      <span class="id">${event.eventType} ${event.id}</span>
      ${event.lastError === null ? null : html`<br /><span class="message">${t.lastError} ${event.lastError}</span>`}`;
}
