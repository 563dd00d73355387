import { html } from 'hono/html';
import { mayChangeThings } from '../admin-env';
import type { DryRunPlan } from '@hub/api-contract';
import type { PreviewOutcome, WarehouseList } from '../hub-api';
import { currentMessages, type Messages } from '../i18n/messages';
import { renderLayout, renderNotice, type Markup } from './layout';
import { formatNumber } from './format';
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
const PREVIEW_COUNTS = ['needs', 'transferOrders', 'transferLines', 'unitsPlanned', 'externalOrders', 'externalLines', 'externalUnits'] as const;

/** Choose a warehouse (or all) → Preview (the API's dry run) → Start with the same choice. */
export function renderNewRunPage(model: NewRunPageModel): Markup {
  const t = currentMessages();
  return renderLayout(
    t.newRun.title,
    html`${model.flash ? renderTriggerFlash(model.flash, model.apiOrigin) : null}
${renderChoice(model.warehouses, model.warehouseId, t)}
${model.preview ? renderPreview(model.preview, model.warehouseId, model.apiOrigin, t) : html`<p class="hint">${t.newRun.intro}</p>`}`,
  );
}

function renderChoice(warehouses: WarehouseList, chosen: string | undefined, t: Messages): Markup {
  const available = warehouses.kind === 'available';
  return html`<section class="panel">
  <form class="trigger" method="get" action="/runs/new">
    <input type="hidden" name="preview" value="1" />
    <label>${t.newRun.warehouse}
      <select name="warehouse_id" ${available ? '' : 'disabled'}>
        <option value="">${t.runs.allWarehouses}</option>
        ${available ? warehouses.items.map((item) => html`<option value="${item.id}" ${item.id === chosen ? 'selected' : ''}>${item.code} — ${item.name}</option>`) : null}
      </select>
    </label>
    <button type="submit">${t.newRun.preview}</button>
    ${available ? null : html`<span class="hint">${t.newRun.warehouseListFailed}</span>`}
  </form>
</section>`;
}

function renderPreview(preview: PreviewOutcome, warehouseId: string | undefined, apiOrigin: string, t: Messages): Markup {
  switch (preview.kind) {
    case 'planned':
      return renderPlan(preview.plan, warehouseId, t);
    case 'refused':
      return renderNotice('error', t.newRun.previewRefused(preview.status, preview.message ?? null));
    case 'unexpected-answer':
      return renderNotice('error', t.newRun.previewUnexpected);
    case 'unreachable':
      return renderNotice('error', t.newRun.previewUnreachable(html`<code>${apiOrigin}</code>`));
  }
}

function renderPlan(plan: DryRunPlan, warehouseId: string | undefined, t: Messages): Markup {
  const warehouse = (label: { code: string; name: string }) => `${label.code} — ${label.name}`;
  return html`<section class="panel">
  <h2>${t.newRun.previewHeading}</h2>
  <ul class="counts">${PREVIEW_COUNTS.map((key) => html`<li class="count"><span><strong>${formatNumber(plan.counts[key] ?? 0)}</strong> ${t.runs.counts[key]}</span></li>`)}</ul>
  ${renderStart(warehouseId, t)}
</section>
<h2>${t.runs.transferOrders(plan.transfer_orders.length)}</h2>
${plan.transfer_orders.length === 0 ? renderNotice('info', t.newRun.noTransferPlanned) : null}
${plan.transfer_orders.map((order) => html`<section class="panel order"><h3>${warehouse(order.source)} → ${warehouse(order.target)}</h3>${renderExplainedLines(order.lines)}</section>`)}
<h2>${t.runs.outsideOrders(plan.external_orders.length)}</h2>
${plan.external_orders.length === 0 ? renderNotice('info', t.newRun.noOutsidePlanned) : null}
${plan.external_orders.map((order) => html`<section class="panel order"><h3>${t.orders.forTarget(warehouse(order.target))}</h3>${renderExplainedLines(order.lines)}</section>`)}`;
}

/** Start, with exactly the warehouse the preview was for; operators only. */
function renderStart(warehouseId: string | undefined, t: Messages): Markup {
  if (!mayChangeThings()) return html`<p class="hint">${t.newRun.viewerCannotStart}</p>`;
  return html`<form class="trigger" method="post" action="/actions/trigger-replenishment">
    <input type="hidden" name="warehouse_id" value="${warehouseId ?? ''}" />
    <button type="submit">${t.newRun.start}</button>
    <span class="hint">${t.newRun.replanHint}</span>
  </form>`;
}
