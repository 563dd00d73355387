import { OUTBOX_STATUSES, type OutboxStatus } from '@hub/db';
import type { OutboxStats } from '@hub/outbox';
import { html } from 'hono/html';
import type { OutboxRetryOutcome } from '../hub-api';
import type { RetryFlash } from '../outbox/retry-flash';
import { renderNotice, type Markup } from './layout';

export const STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: 'Pending',
  in_flight: 'In flight',
  delivered: 'Delivered',
  dead: 'Dead',
};

const AGE_UNITS = [['d', 86_400], ['h', 3_600], ['min', 60], ['s', 1]] as const;

/** `45 s`, `3 min 12 s`, `2 h`, `3 d 4 h`: the two largest units of a duration. */
export function formatAge(seconds: number): string {
  let rest = Math.max(0, Math.floor(seconds));
  const parts = AGE_UNITS.map(([unit, size]) => {
    const count = Math.floor(rest / size);
    rest -= count * size;
    return { unit, count };
  });
  const first = parts.findIndex((part) => part.count > 0);
  if (first === -1) return '0 s';
  const [largest, next] = parts.slice(first, first + 2);
  const text = `${largest?.count} ${largest?.unit}`;
  return next && next.count > 0 ? `${text} ${next.count} ${next.unit}` : text;
}

/** The counts by status, each a link to that status's events, and how long the oldest pending event waits. */
export function renderOutboxCounts(stats: OutboxStats): Markup {
  const age = stats.oldestPendingAgeSeconds;
  return html`<section class="panel">
  <ul class="counts">
    ${OUTBOX_STATUSES.map(
      (status) => html`<li class="count${status === 'dead' && stats.byStatus.dead > 0 ? ' alarm' : ''}">
      <a href="/outbox?status=${status}"><strong>${stats.byStatus[status]}</strong> ${STATUS_LABELS[status]}</a></li>`,
    )}
  </ul>
  <p class="hint">${age === null ? 'Nothing is waiting for delivery.' : `The oldest pending event has waited ${formatAge(age)}.`}
    Dead events are retried by hand with their Retry button.</p>
</section>`;
}

/** What happened to the last Retry, told after the redirect back to the outbox page. */
export function renderRetryFlash(flash: RetryFlash, apiOrigin: string): Markup {
  const event = html`<code>${flash.eventId}</code>`;
  const outcome: OutboxRetryOutcome = flash.outcome;
  switch (outcome.kind) {
    case 'retried':
      return renderNotice(
        'success',
        html`Event ${event} is pending again; the scheduler delivers it on its next pass.${outcome.aggregateReset ? ' Its order went from failed back to pending.' : ''}`,
      );
    case 'refused': {
      const reason = outcome.message ?? 'the API refused it';
      const hint = outcome.status === 401 || outcome.status === 403 ? ' — check API_TOKEN' : '';
      return renderNotice('error', html`Event ${event} was not retried: ${reason}${hint} (the API answered HTTP ${outcome.status}).`);
    }
    case 'unexpected-answer':
      return renderNotice('warning', html`The API accepted the retry of ${event} but its answer could not be read; the table shows the event as it is now.`);
    case 'unreachable':
      return renderNotice('error', html`Event ${event} was not retried: the API at <code>${apiOrigin}</code> could not be reached.`);
  }
}
