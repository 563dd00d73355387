import type { RunRecord, WarehouseSummary } from '@hub/replenishment';
import { html } from 'hono/html';
import { currentTimeZone } from '../admin-env';
import { formatTimeSecond as toSecond } from './format';
import { renderCopyableId } from './log-table';
import type { Markup } from './layout';
import { describeDuration, describeTarget, renderStatus, RUN_STATUS_LABELS, RUN_TRIGGER_LABELS } from './runs-format';

/** The counts the list shows of each run; the run's page shows all of them. Empty until the run succeeds. */
const LIST_COUNTS = [
  ['needs', 'Needs'],
  ['transferOrders', 'Transfer orders'],
  ['unitsPlanned', 'Units transferred'],
  ['externalOrders', 'Outside orders'],
  ['externalUnits', 'Units ordered outside'],
] as const;

/** The runs as a table, newest first; each row's id links to the run's page. */
export function renderRunsTable(runs: RunRecord[], warehouses: ReadonlyMap<string, WarehouseSummary>): Markup {
  return html`<div class="table-wrap">
  <table class="runs">
    <thead>
      <tr>
        <th>Started (${currentTimeZone()})</th><th>Finished</th><th>Run</th><th>Trigger</th><th>Target</th><th>Status</th>
        ${LIST_COUNTS.map(([, title]) => html`<th>${title}</th>`)}
        <th>Error</th>
      </tr>
    </thead>
    <tbody>
      ${runs.map((run) => renderRunRow(run, warehouses))}
    </tbody>
  </table>
</div>`;
}

function renderRunRow(run: RunRecord, warehouses: ReadonlyMap<string, WarehouseSummary>): Markup {
  const target = run.targetWarehouseId === null ? null : warehouses.get(run.targetWarehouseId);
  const duration = describeDuration(run);
  return html`<tr class="run-${run.status}">
        <td class="time">${toSecond(run.startedAt ?? run.createdAt)}${run.startedAt === null ? html`<br /><span class="hint">queued, not started</span>` : null}</td>
        <td class="time">${run.finishedAt === null ? '' : toSecond(run.finishedAt)}${duration === '' ? null : html`<br /><span class="hint">took ${duration}</span>`}</td>
        <td>${renderCopyableId(run.id, `/runs/${run.id}`)}</td>
        <td>${RUN_TRIGGER_LABELS[run.trigger] ?? run.trigger}${run.startedBy === null ? null : html`<br /><span class="hint">by ${run.startedBy}</span>`}</td>
        <td>${describeTarget(run.targetWarehouseId, target)}</td>
        <td>${renderStatus(run.status, RUN_STATUS_LABELS[run.status] ?? run.status)}</td>
        ${LIST_COUNTS.map(([key, title]) => html`<td class="number" data-label="${title}">${run.counts[key]}</td>`)}
        <td class="message">${run.error === null ? null : html`<span class="clamp" title="${run.error}">${run.error}</span>`}</td>
      </tr>`;
}
