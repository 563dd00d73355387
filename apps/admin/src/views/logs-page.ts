import { LOG_LEVELS } from '@hub/db';
import type { LogQueryResult } from '@hub/logging';
import { html } from 'hono/html';
import { PERIOD_CHOICES, type LogsFormValues, type PeriodChoice, type PresetPeriod, type ResolvedPeriod } from '../logs/logs-request';
import { currentTimeZone } from '../admin-env';
import { formatTimeMinute } from './format';
import { renderLayout, renderNotice, type Markup } from './layout';
import { renderLogTable } from './log-table';

/** Everything the logs page shows. */
export interface LogsPageModel {
  form: LogsFormValues;
  outcome:
    | { kind: 'invalid'; problems: string[] }
    | { kind: 'result'; period: ResolvedPeriod; filtered: boolean; result: LogQueryResult }
    /** The database did not answer: said in a banner, the details in the admin's own log. */
    | { kind: 'unreachable' };
}

/** Shown instead of a crash when the audit table has not been created yet. */
export const TABLE_MISSING_MESSAGE = 'The integration_logs table does not exist: apply the migrations (npm run migrate -- up)';
/** Shown instead of a stack trace when the database does not answer. */
export const DATABASE_UNREACHABLE_MESSAGE = 'The database did not answer, so no log entries can be shown. Try again in a moment; the admin’s own log has the details.';

const PERIOD_LABELS: Record<PeriodChoice, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  custom: 'Custom range (from/to)',
};
const PRESET_PHRASES: Record<PresetPeriod, string> = {
  '1h': 'the last hour',
  '24h': 'the last 24 hours',
  '7d': 'the last 7 days',
  '30d': 'the last 30 days',
};

/** The logs page: filters, and the query's outcome in one of its states. */
export function renderLogsPage(model: LogsPageModel): Markup {
  return renderLayout(
    'Logs',
    html`${renderFilters(model.form)}
${renderOutcome(model.outcome, model.form)}`,
  );
}

function renderOutcome(outcome: LogsPageModel['outcome'], form: LogsFormValues): Markup {
  if (outcome.kind === 'unreachable') return renderNotice('error', DATABASE_UNREACHABLE_MESSAGE);
  if (outcome.kind === 'invalid') {
    return renderNotice('error', html`The filters could not be used:<ul>${outcome.problems.map((problem) => html`<li>${problem}</li>`)}</ul>`);
  }
  const { result, period, filtered } = outcome;
  const scope = `${describePeriod(period)}${filtered ? ' matching the filters' : ''}`;
  switch (result.kind) {
    case 'table-missing':
      return renderNotice('warning', TABLE_MISSING_MESSAGE);
    case 'empty':
      return renderNotice('info', `No log entries for ${scope}.${filtered ? ' Clear a filter or widen the period to see more.' : ''}`);
    case 'rows':
      return html`<p class="hint result-count">${countEntries(result.rows.length)} for ${scope}, newest first. Click a message for its ids, payload and details.</p>
${renderPager(form, result.newerCursor, result.olderCursor)}
${renderLogTable(result.rows)}
${renderPager(form, result.newerCursor, result.olderCursor)}`;
  }
}

/** "Newer" and "Older" links: the same filters, paging on from the page's first or last row. */
function renderPager(form: LogsFormValues, newerCursor: string | null, olderCursor: string | null): Markup | null {
  if (newerCursor === null && olderCursor === null) return null;
  const link = (direction: 'newer' | 'older', cursor: string) => {
    const params = new URLSearchParams();
    for (const [field, value] of Object.entries(form)) if (value !== '' && field !== 'older' && field !== 'newer') params.set(field, value);
    params.set(direction, cursor);
    return `/logs?${params.toString()}`;
  };
  return html`<nav class="pager">
  ${newerCursor === null ? html`<span class="hint">← Newer</span>` : html`<a href="${link('newer', newerCursor)}" rel="prev">← Newer</a>`}
  ${olderCursor === null ? html`<span class="hint">Older →</span>` : html`<a href="${link('older', olderCursor)}" rel="next">Older →</a>`}
</nav>`;
}

function countEntries(count: number): string {
  return `${count} log ${count === 1 ? 'entry' : 'entries'}`;
}

/** "the last 24 hours" or "2026-03-02 09:00 – 2026-03-02 12:00 Europe/Moscow". */
export function describePeriod(period: ResolvedPeriod): string {
  if (period.kind === 'custom') return `${formatTimeMinute(period.from)} – ${formatTimeMinute(period.to)} ${currentTimeZone()}`;
  return PRESET_PHRASES[period.period];
}

function renderFilters(form: LogsFormValues): Markup {
  const selected = (current: string, value: string): string => (current === value ? 'selected' : '');
  const period = form.period || (form.from || form.to ? 'custom' : '24h');
  return html`<section class="panel">
  <form class="filters" method="get" action="/logs">
    <label>Period
      <select name="period">
        ${PERIOD_CHOICES.map((choice) => html`<option value="${choice}" ${selected(period, choice)}>${PERIOD_LABELS[choice]}</option>`)}
      </select>
    </label>
    <label>From (${currentTimeZone()})<input type="datetime-local" name="from" value="${form.from}" /></label>
    <label>To (${currentTimeZone()})<input type="datetime-local" name="to" value="${form.to}" /></label>
    <label>Level
      <select name="level">
        <option value="">Any</option>
        ${LOG_LEVELS.map((level) => html`<option value="${level}" ${selected(form.level, level)}>${level}</option>`)}
      </select>
    </label>
    <label>Job name<input type="text" name="job_name" value="${form.job_name}" placeholder="process_outbox_events_job" /></label>
    <label>Run ID<input type="text" name="run_id" value="${form.run_id}" placeholder="uuid" class="uuid" /></label>
    <label>Request ID<input type="text" name="request_id" value="${form.request_id}" placeholder="uuid" class="uuid" /></label>
    <label>External system<input type="text" name="external_system" value="${form.external_system}" placeholder="1C, MOYSKLAD" /></label>
    <label>Step<input type="text" name="step" value="${form.step}" placeholder="plan" /></label>
    <label>Status<input type="text" name="status" value="${form.status}" placeholder="failed" /></label>
    <label>Text in the message<input type="search" name="text" value="${form.text}" /></label>
    <button type="submit">Show</button>
  </form>
  <p class="hint">From and To are used when Period is “Custom range”. Times are ${currentTimeZone()}.</p>
</section>`;
}
