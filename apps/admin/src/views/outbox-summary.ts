import { OUTBOX_STATUSES, type OutboxStatus } from '@hub/db';
import type { OutboxStats } from '@hub/outbox';
import { html } from 'hono/html';
import type { OutboxRetryOutcome } from '../hub-api';
import type { RetryFlash } from '../outbox/retry-flash';
import { currentMessages } from '../i18n/messages';
import { formatNumber } from './format';
import { renderNotice, type Markup } from './layout';

/** An outbox status in the page's language; a status this admin does not know is shown as stored. */
export function outboxStatusLabel(status: OutboxStatus | string): string {
  const labels: Record<string, string> = currentMessages().outbox.statuses;
  return labels[status] ?? status;
}

const AGE_UNITS = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
] as const;

/** `45 s`, `3 min 12 s`, `2 h`, `3 d 4 h` (`45 с`, `3 мин 12 с` in Russian): the two largest units of a duration. */
export function formatAge(seconds: number): string {
  const units = currentMessages().app.ageUnits;
  let rest = Math.max(0, Math.floor(seconds));
  const parts = AGE_UNITS.map(([unit, size]) => {
    const count = Math.floor(rest / size);
    rest -= count * size;
    return { unit, count };
  });
  const first = parts.findIndex((part) => part.count > 0);
  if (first === -1) return `0 ${units.s}`;
  const [largest, next] = parts.slice(first, first + 2);
  const text = `${largest?.count} ${largest ? units[largest.unit] : ''}`;
  return next && next.count > 0 ? `${text} ${next.count} ${units[next.unit]}` : text;
}

/** The counts by status, each a link to that status's events, and how long the oldest pending event waits. */
export function renderOutboxCounts(stats: OutboxStats): Markup {
  const t = currentMessages();
  const age = stats.oldestPendingAgeSeconds;
  return html`<section class="panel">
  <ul class="counts">
    ${OUTBOX_STATUSES.map(
      (status) => html`<li class="count${status === 'dead' && stats.byStatus.dead > 0 ? ' alarm' : ''}">
      <a href="/outbox?status=${status}"><strong>${formatNumber(stats.byStatus[status])}</strong> ${outboxStatusLabel(status)}</a></li>`,
    )}
  </ul>
  <p class="hint">${age === null ? t.outbox.nothingWaiting : t.outbox.oldestWaited(formatAge(age))}
    ${t.outbox.retryHint}</p>
</section>`;
}

/** What happened to the last Retry, told after the redirect back to the outbox page. */
export function renderRetryFlash(flash: RetryFlash, apiOrigin: string): Markup {
  const t = currentMessages().outbox;
  const event = html`<code>${flash.eventId}</code>`;
  const outcome: OutboxRetryOutcome = flash.outcome;
  switch (outcome.kind) {
    case 'retried':
      return renderNotice('success', t.retried(event, outcome.aggregateReset));
    case 'refused':
      return renderNotice('error', t.refused(event, outcome.message, outcome.status === 401 || outcome.status === 403, outcome.status));
    case 'unexpected-answer':
      return renderNotice('warning', t.unexpectedAnswer(event));
    case 'unreachable':
      return renderNotice('error', t.unreachable(event, html`<code>${apiOrigin}</code>`));
  }
}
