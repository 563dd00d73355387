import { html } from 'hono/html';
import { mayChangeThings } from '../admin-env';
import type { DryRunPlan } from '@hub/api-contract';
import type { PreviewOutcome, WarehouseList } from '../hub-api';
import { renderLayout, renderNotice, type Markup } from './layout';
import { renderExplainedLines } from './runs-lines';
import { renderTriggerFlash, type StartRefusal } from './trigger-panel';

/** Everything the new-run page shows. */
export interface NewRunPageModel {
  warehouses: WarehouseList;
  /** The warehouse chosen (a hub id), or undefined for all warehouses with rules. */
  warehouseId: string | undefined;
  /** The preview, once asked for. */
  preview?: PreviewOutcome;
  /** Why the last Start started nothing. */
  flash?: StartRefusal | undefined;
  apiOrigin: string;
}

/** The counts a preview leads with, in the order an operator checks them. */
const PREVIEW_COUNTS = [
  ['needs', 'Needs (below min)'],
  ['transferOrders', 'Transfer orders'],
  ['transferLines', 'Transfer lines'],
  ['unitsPlanned', 'Units transferred'],
  ['externalOrders', 'Outside orders'],
  ['externalLines', 'Outside order lines'],
  ['externalUnits', 'Units ordered outside'],
] as const;

/** Choose a warehouse (or all) → Preview (the API's dry run) → Start with the same choice. */
export function renderNewRunPage(model: NewRunPageModel): Markup {
  return renderLayout(
    'New run',
    html`${model.flash ? renderTriggerFlash(model.flash, model.apiOrigin) : null}
${renderChoice(model.warehouses, model.warehouseId)}
${model.preview ? renderPreview(model.preview, model.warehouseId, model.apiOrigin) : html`<p class="hint">Preview shows what a run would order now, line by line, and writes nothing.</p>`}`,
  );
}

function renderChoice(warehouses: WarehouseList, chosen: string | undefined): Markup {
  const available = warehouses.kind === 'available';
  return html`<section class="panel">
  <form class="trigger" method="get" action="/runs/new">
    <input type="hidden" name="preview" value="1" />
    <label>Warehouse
      <select name="warehouse_id" ${available ? '' : 'disabled'}>
        <option value="">All warehouses with rules</option>
        ${available ? warehouses.items.map((item) => html`<option value="${item.id}" ${item.id === chosen ? 'selected' : ''}>${item.code} — ${item.name}</option>`) : null}
      </select>
    </label>
    <button type="submit">Preview</button>
    ${available ? null : html`<span class="hint">The warehouse list could not be loaded from the API; a run covers all warehouses with rules.</span>`}
  </form>
</section>`;
}

function renderPreview(preview: PreviewOutcome, warehouseId: string | undefined, apiOrigin: string): Markup {
  switch (preview.kind) {
    case 'planned':
      return renderPlan(preview.plan, warehouseId);
    case 'refused':
      return renderNotice('error', html`The preview failed: the API answered HTTP ${preview.status}${preview.message ? html` — ${preview.message}` : null}.`);
    case 'unexpected-answer':
      return renderNotice('error', 'The API answered the preview with something that is not a plan; check the API’s logs.');
    case 'unreachable':
      return renderNotice('error', html`The preview failed: the API at <code>${apiOrigin}</code> could not be reached.`);
  }
}

function renderPlan(plan: DryRunPlan, warehouseId: string | undefined): Markup {
  const warehouse = (label: { code: string; name: string }) => `${label.code} — ${label.name}`;
  return html`<section class="panel">
  <h2>Preview: what a run would order now</h2>
  <ul class="counts">${PREVIEW_COUNTS.map(([key, title]) => html`<li class="count"><span><strong>${plan.counts[key] ?? 0}</strong> ${title}</span></li>`)}</ul>
  ${renderStart(warehouseId)}
</section>
<h2>Transfer orders (${plan.transfer_orders.length})</h2>
${plan.transfer_orders.length === 0 ? renderNotice('info', 'No transfer order: no own warehouse has anything to spare for a need.') : null}
${plan.transfer_orders.map((order) => html`<section class="panel order"><h3>${warehouse(order.source)} → ${warehouse(order.target)}</h3>${renderExplainedLines(order.lines)}</section>`)}
<h2>Outside orders (${plan.external_orders.length})</h2>
${plan.external_orders.length === 0 ? renderNotice('info', 'No outside order: own warehouses cover every need.') : null}
${plan.external_orders.map((order) => html`<section class="panel order"><h3>For ${warehouse(order.target)}</h3>${renderExplainedLines(order.lines)}</section>`)}`;
}

/** Start, with exactly the warehouse the preview was for; operators only. */
function renderStart(warehouseId: string | undefined): Markup {
  if (!mayChangeThings()) return html`<p class="hint">Your role (viewer) can preview but not start a run.</p>`;
  return html`<form class="trigger" method="post" action="/actions/trigger-replenishment">
    <input type="hidden" name="warehouse_id" value="${warehouseId ?? ''}" />
    <button type="submit">Start this run</button>
    <span class="hint">The run plans again when it starts: stock may have moved since the preview.</span>
  </form>`;
}
