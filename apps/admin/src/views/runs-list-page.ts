import { RUN_STATUSES, RUN_TRIGGERS } from '@hub/db';
import type { RunRecord, WarehouseSummary } from '@hub/replenishment';
import { html } from 'hono/html';
import { RUNS_PAGE_SIZE, runsUrl, type RunsFilters, type RunsFormValues } from '../runs/runs-request';
import { renderLayout, renderNotice, type Markup } from './layout';
import { currentMessages, type Messages } from '../i18n/messages';
import { runStatusLabel, runTriggerLabel } from './runs-format';
import { renderRunsTable } from './runs-table';

/** Everything the runs list shows. */
export interface RunsListModel {
  form: RunsFormValues;
  outcome:
    | { kind: 'invalid'; problems: string[] }
    | { kind: 'runs'; filters: RunsFilters; runs: RunRecord[]; nextCursor: string | null; warehouses: ReadonlyMap<string, WarehouseSummary> };
}

/** The runs list: filters, then the runs newest first, each a link to its orders and their numbers. */
export function renderRunsListPage(model: RunsListModel): Markup {
  const t = currentMessages();
  return renderLayout(
    t.runs.title,
    html`${renderFilters(model.form, t)}
${renderOutcome(model.outcome, t)}`,
  );
}

function renderOutcome(outcome: RunsListModel['outcome'], t: Messages): Markup {
  if (outcome.kind === 'invalid') {
    return renderNotice('error', html`${t.app.filtersInvalid}<ul>${outcome.problems.map((problem) => html`<li>${problem}</li>`)}</ul>`);
  }
  const { runs, filters, nextCursor, warehouses } = outcome;
  const filtered = filters.status !== undefined || filters.trigger !== undefined;
  if (runs.length === 0) {
    const message =
      filters.cursor ? t.runs.noOlder
      : filtered ? t.runs.noneMatch
      : t.runs.noneYet;
    return renderNotice('info', message);
  }
  const older = nextCursor === null ? null : html`<p><a href="${runsUrl({ ...filters, cursor: nextCursor })}">${t.runs.older}</a></p>`;
  return html`<p class="hint">${t.runs.count(runs.length, filtered, nextCursor === null ? null : RUNS_PAGE_SIZE)}</p>
${renderRunsTable(runs, warehouses)}
${older}`;
}

function renderFilters(form: RunsFormValues, t: Messages): Markup {
  const selected = (current: string, value: string): string => (current === value ? 'selected' : '');
  return html`<section class="panel">
  <form class="filters" method="get" action="/runs">
    <label>${t.app.status}
      <select name="status">
        <option value="">${t.app.any}</option>
        ${RUN_STATUSES.map((status) => html`<option value="${status}" ${selected(form.status, status)}>${runStatusLabel(status)}</option>`)}
      </select>
    </label>
    <label>${t.runs.trigger}
      <select name="trigger">
        <option value="">${t.app.any}</option>
        ${RUN_TRIGGERS.map((trigger) => html`<option value="${trigger}" ${selected(form.trigger, trigger)}>${runTriggerLabel(trigger)}</option>`)}
      </select>
    </label>
    <button type="submit">${t.app.show}</button>
  </form>
</section>`;
}
