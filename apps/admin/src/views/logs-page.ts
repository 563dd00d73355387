import { LOG_LEVELS } from '@hub/db';
import type { LogQueryResult } from '@hub/logging';
import { html } from 'hono/html';
import type { TriggerOutcome, WarehouseList } from '../hub-api';
import { PAGE_ROW_LIMIT, PERIOD_CHOICES, type LogsFormValues, type PeriodChoice, type PresetPeriod, type ResolvedPeriod } from '../logs/logs-request';
import { formatUtcMinute } from './format';
import { renderLayout, renderNotice, type Markup } from './layout';
import { renderLogTable } from './log-table';
import { renderTriggerFlash, renderTriggerPanel } from './trigger-panel';

/** Everything the logs page shows. */
export interface LogsPageModel {
  form: LogsFormValues;
  outcome: { kind: 'invalid'; problems: string[] } | { kind: 'result'; period: ResolvedPeriod; filtered: boolean; result: LogQueryResult };
  warehouses: WarehouseList;
  flash?: TriggerOutcome;
  /** The API's origin (no path, no credentials), named when it cannot be reached. */
  apiOrigin: string;
}

/** Shown instead of a crash when the audit table has not been created yet. */
export const TABLE_MISSING_MESSAGE = 'The integration_logs table does not exist: apply the migrations (npm run migrate -- up)';

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

/** The logs page: filters, the trigger button, and the query's outcome in one of its states. */
export function renderLogsPage(model: LogsPageModel): Markup {
  return renderLayout(
    'Logs',
    html`${model.flash ? renderTriggerFlash(model.flash, model.apiOrigin) : null}
${renderTriggerPanel(model.warehouses)}
${renderFilters(model.form)}
${renderOutcome(model.outcome)}`,
  );
}

function renderOutcome(outcome: LogsPageModel['outcome']): Markup {
  if (outcome.kind === 'invalid') {
    return renderNotice('error', html`The filters could not be used:<ul>${outcome.problems.map((problem) => html`<li>${problem}</li>`)}</ul>`);
  }
  const { result, period, filtered } = outcome;
  const scope = `${describePeriod(period)}${filtered ? ' matching the filters' : ''}`;
  switch (result.kind) {
    case 'table-missing':
      return renderNotice('warning', TABLE_MISSING_MESSAGE);
    case 'empty':
      return renderNotice('info', `No log entries for ${scope}.`);
    case 'rows':
      return html`<p class="hint">${countEntries(result.rows.length)} for ${scope}, newest first.</p>
${result.truncated ? renderNotice('info', `Showing the newest ${PAGE_ROW_LIMIT} entries only: older ones in this period are not shown. Narrow the period or add a filter.`) : null}
${renderLogTable(result.rows)}`;
  }
}

function countEntries(count: number): string {
  return `${count} log ${count === 1 ? 'entry' : 'entries'}`;
}

/** "the last 24 hours" or "2026-03-02 09:00 – 2026-03-02 12:00 UTC". */
export function describePeriod(period: ResolvedPeriod): string {
  if (period.kind === 'custom') return `${formatUtcMinute(period.from)} – ${formatUtcMinute(period.to)} UTC`;
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
    <label>From (UTC)<input type="datetime-local" name="from" value="${form.from}" /></label>
    <label>To (UTC)<input type="datetime-local" name="to" value="${form.to}" /></label>
    <label>Level
      <select name="level">
        <option value="">Any</option>
        ${LOG_LEVELS.map((level) => html`<option value="${level}" ${selected(form.level, level)}>${level}</option>`)}
      </select>
    </label>
    <label>Job name<input type="text" name="job_name" value="${form.job_name}" placeholder="process_outbox_events_job" /></label>
    <label>Run ID<input type="text" name="run_id" value="${form.run_id}" placeholder="uuid" /></label>
    <button type="submit">Show</button>
  </form>
  <p class="hint">From and To are used when Period is “Custom range”. Times are UTC.</p>
</section>`;
}
