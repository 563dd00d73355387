import { LOG_LEVELS } from '@hub/db';
import type { LogQueryResult, LogRetention, LogRetentionStatus } from '@hub/logging';
import { html } from 'hono/html';
import { PERIOD_CHOICES, type LogsFormValues, type ResolvedPeriod } from '../logs/logs-request';
import { currentMessages, type Messages } from '../i18n/messages';
import { currentTimeZone } from '../admin-env';
import { formatTimeMinute } from './format';
import { renderLayout, renderNotice, type Markup } from './layout';
import { renderLogTable } from './log-table';

/** Everything the logs page shows. */
export interface LogsPageModel {
  form: LogsFormValues;
  /** LOG_RETENTION_DAYS, and what the table says of it (null when it could not be read). */
  retention: { setting: LogRetention; status: LogRetentionStatus | null };
  outcome:
    | { kind: 'invalid'; problems: string[] }
    | { kind: 'result'; period: ResolvedPeriod; filtered: boolean; result: LogQueryResult }
    /** The database did not answer: said in a banner, the details in the admin's own log. */
    | { kind: 'unreachable' };
}

/** The logs page: filters, and the query's outcome in one of its states. */
export function renderLogsPage(model: LogsPageModel): Markup {
  const t = currentMessages();
  return renderLayout(
    t.logs.title,
    html`${renderFilters(model.form, t)}
${renderRetention(model.retention, t)}
${renderOutcome(model.outcome, model.form, t)}`,
  );
}

function renderOutcome(outcome: LogsPageModel['outcome'], form: LogsFormValues, t: Messages): Markup {
  if (outcome.kind === 'unreachable') return renderNotice('error', t.logs.databaseUnreachable);
  if (outcome.kind === 'invalid') {
    return renderNotice('error', html`${t.app.filtersInvalid}<ul>${outcome.problems.map((problem) => html`<li>${problem}</li>`)}</ul>`);
  }
  const { result, period, filtered } = outcome;
  switch (result.kind) {
    case 'table-missing':
      return renderNotice('warning', t.logs.tableMissing);
    case 'empty':
      return renderNotice('info', t.logs.empty(describePeriod(period), filtered));
    case 'rows':
      return html`<p class="hint result-count">${t.logs.count(result.rows.length, describePeriod(period), filtered)}</p>
${renderPager(form, result.newerCursor, result.olderCursor, t)}
${renderLogTable(result.rows)}
${renderPager(form, result.newerCursor, result.olderCursor, t)}`;
  }
}

/** One line: how long entries are kept, the oldest one and the last cleanup (read from the cleanup's own log row). */
function renderRetention(retention: LogsPageModel['retention'], t: Messages): Markup {
  const { setting, status } = retention;
  const sentences = [setting.kind === 'days' ? t.logs.retention.days(setting.days) : t.logs.retention.forever];
  if (status?.oldestEntryAt) sentences.push(t.logs.retention.oldestEntry(formatTimeMinute(status.oldestEntryAt)));
  if (status && setting.kind === 'days') {
    const last = status.lastCleanup;
    sentences.push(last ? t.logs.retention.lastCleanup(formatTimeMinute(last.finishedAt), last.removed) : t.logs.retention.noCleanupYet);
  }
  return html`<p class="hint retention">${sentences.join(' ')}</p>`;
}

/** "Newer" and "Older" links: the same filters, paging on from the page's first or last row. */
function renderPager(form: LogsFormValues, newerCursor: string | null, olderCursor: string | null, t: Messages): Markup | null {
  if (newerCursor === null && olderCursor === null) return null;
  const link = (direction: 'newer' | 'older', cursor: string) => {
    const params = new URLSearchParams();
    for (const [field, value] of Object.entries(form)) if (value !== '' && field !== 'older' && field !== 'newer') params.set(field, value);
    params.set(direction, cursor);
    return `/logs?${params.toString()}`;
  };
  return html`<nav class="pager">
  ${newerCursor === null ? html`<span class="hint">${t.logs.newer}</span>` : html`<a href="${link('newer', newerCursor)}" rel="prev">${t.logs.newer}</a>`}
  ${olderCursor === null ? html`<span class="hint">${t.logs.older}</span>` : html`<a href="${link('older', olderCursor)}" rel="next">${t.logs.older}</a>`}
</nav>`;
}

/** "the last 24 hours" or "2026-03-02 09:00 – 2026-03-02 12:00 Europe/Moscow". */
export function describePeriod(period: ResolvedPeriod): string {
  if (period.kind === 'custom') return `${formatTimeMinute(period.from)} – ${formatTimeMinute(period.to)} ${currentTimeZone()}`;
  return currentMessages().logs.presetPhrases[period.period];
}

function renderFilters(form: LogsFormValues, t: Messages): Markup {
  const zone = currentTimeZone();
  const selected = (current: string, value: string): string => (current === value ? 'selected' : '');
  const period = form.period || (form.from || form.to ? 'custom' : '24h');
  return html`<section class="panel">
  <form class="filters" method="get" action="/logs">
    <label>${t.logs.period}
      <select name="period">
        ${PERIOD_CHOICES.map((choice) => html`<option value="${choice}" ${selected(period, choice)}>${t.logs.periods[choice]}</option>`)}
      </select>
    </label>
    <label>${t.logs.from(zone)}<input type="datetime-local" name="from" value="${form.from}" /></label>
    <label>${t.logs.to(zone)}<input type="datetime-local" name="to" value="${form.to}" /></label>
    <label>${t.logs.level}
      <select name="level">
        <option value="">${t.app.any}</option>
        ${LOG_LEVELS.map((level) => html`<option value="${level}" ${selected(form.level, level)}>${level}</option>`)}
      </select>
    </label>
    <label>${t.logs.jobName}<input type="text" name="job_name" value="${form.job_name}" placeholder="process_outbox_events_job" /></label>
    <label>${t.logs.runId}<input type="text" name="run_id" value="${form.run_id}" placeholder="uuid" class="uuid" /></label>
    <label>${t.logs.requestId}<input type="text" name="request_id" value="${form.request_id}" placeholder="uuid" class="uuid" /></label>
    <label>${t.logs.externalSystem}<input type="text" name="external_system" value="${form.external_system}" placeholder="1C, MOYSKLAD" /></label>
    <label>${t.logs.step}<input type="text" name="step" value="${form.step}" placeholder="plan" /></label>
    <label>${t.app.status}<input type="text" name="status" value="${form.status}" placeholder="failed" /></label>
    <label>${t.logs.text}<input type="search" name="text" value="${form.text}" /></label>
    <button type="submit">${t.app.show}</button>
  </form>
  <p class="hint">${t.logs.hint(zone)}</p>
</section>`;
}
