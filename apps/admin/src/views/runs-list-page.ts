import { RUN_STATUSES, RUN_TRIGGERS } from '@hub/db';
import type { RunRecord, WarehouseSummary } from '@hub/replenishment';
import { html } from 'hono/html';
import { RUNS_PAGE_SIZE, runsUrl, type RunsFilters, type RunsFormValues } from '../runs/runs-request';
import { renderLayout, renderNotice, type Markup } from './layout';
import { RUN_STATUS_LABELS, RUN_TRIGGER_LABELS } from './runs-format';
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
  return renderLayout('Runs', html`${renderFilters(model.form)}
${renderOutcome(model.outcome)}`);
}

function renderOutcome(outcome: RunsListModel['outcome']): Markup {
  if (outcome.kind === 'invalid') {
    return renderNotice('error', html`The filters could not be used:<ul>${outcome.problems.map((problem) => html`<li>${problem}</li>`)}</ul>`);
  }
  const { runs, filters, nextCursor, warehouses } = outcome;
  const filtered = filters.status !== undefined || filters.trigger !== undefined;
  if (runs.length === 0) {
    const message = filters.cursor
      ? 'No older runs.'
      : filtered
        ? 'No runs match the filters.'
        : 'No replenishment run has been started yet: start one from “New run”, the API or the schedule.';
    return renderNotice('info', message);
  }
  const older = nextCursor === null ? null : html`<p><a href="${runsUrl({ ...filters, cursor: nextCursor })}">Older runs →</a></p>`;
  return html`<p class="hint">${runs.length} ${runs.length === 1 ? 'run' : 'runs'}${filtered ? ' matching the filters' : ''}, newest first${
    nextCursor === null ? '' : ` (${RUNS_PAGE_SIZE} per page)`
  }. Open a run to check its orders line by line.</p>
${renderRunsTable(runs, warehouses)}
${older}`;
}

function renderFilters(form: RunsFormValues): Markup {
  const selected = (current: string, value: string): string => (current === value ? 'selected' : '');
  return html`<section class="panel">
  <form class="filters" method="get" action="/runs">
    <label>Status
      <select name="status">
        <option value="">Any</option>
        ${RUN_STATUSES.map((status) => html`<option value="${status}" ${selected(form.status, status)}>${RUN_STATUS_LABELS[status]}</option>`)}
      </select>
    </label>
    <label>Trigger
      <select name="trigger">
        <option value="">Any</option>
        ${RUN_TRIGGERS.map((trigger) => html`<option value="${trigger}" ${selected(form.trigger, trigger)}>${RUN_TRIGGER_LABELS[trigger]}</option>`)}
      </select>
    </label>
    <button type="submit">Show</button>
  </form>
</section>`;
}
