import type { RunRecord, WarehouseSummary } from '@hub/replenishment';
import { html } from 'hono/html';
import { currentTimeZone } from '../admin-env';
import { formatNumber, formatTimeSecond as toSecond } from './format';
import { renderCopyableId } from './log-table';
import type { Markup } from './layout';
import { currentMessages } from '../i18n/messages';
import { describeDuration, describeTarget, renderStatus, runStatusLabel, runTriggerLabel } from './runs-format';

/** The counts the list shows of each run; the run's page shows all of them. Empty until the run succeeds. */
const LIST_COUNTS = ['needs', 'transferOrders', 'unitsPlanned', 'externalOrders', 'externalUnits'] as const;

/** The runs as a table, newest first; each row's id links to the run's page. */
export function renderRunsTable(runs: RunRecord[], warehouses: ReadonlyMap<string, WarehouseSummary>): Markup {
  const t = currentMessages().runs;
  return html`<div class="table-wrap">
  <table class="runs">
    <thead>
      <tr>
        <th>${t.columns.started(currentTimeZone())}</th><th>${t.columns.finished}</th><th>${t.columns.run}</th><th>${t.columns.trigger}</th><th>${t.columns.target}</th><th>${t.columns.status}</th>
        ${LIST_COUNTS.map((key) => html`<th>${t.counts[key]}</th>`)}
        <th>${t.columns.error}</th>
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
  const t = currentMessages().runs;
  return html`<tr class="run-${run.status}">
        <td class="time">${toSecond(run.startedAt ?? run.createdAt)}${run.startedAt === null ? html`<br /><span class="hint">${t.queuedNotStarted}</span>` : null}</td>
        <td class="time">${run.finishedAt === null ? '' : toSecond(run.finishedAt)}${duration === '' ? null : html`<br /><span class="hint">${t.took(duration)}</span>`}</td>
        <td>${renderCopyableId(run.id, `/runs/${run.id}`)}</td>
        <td>${runTriggerLabel(run.trigger)}${run.startedBy === null ? null : html`<br /><span class="hint">${t.by(run.startedBy)}</span>`}</td>
        <td>${describeTarget(run.targetWarehouseId, target)}</td>
        <td>${renderStatus(run.status, runStatusLabel(run.status))}</td>
        ${LIST_COUNTS.map((key) => html`<td class="number" data-label="${t.counts[key]}">${formatNumber(run.counts[key])}</td>`)}
        <td class="message">${run.error === null ? null : html`<span class="clamp" title="${run.error}">${run.error}</span>`}</td>
      </tr>`;
}
