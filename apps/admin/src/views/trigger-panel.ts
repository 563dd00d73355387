import { mayChangeThings } from '../admin-env';
import { html } from 'hono/html';
import type { TriggerOutcome, WarehouseList } from '../hub-api';
import { renderNotice, type Markup } from './layout';

/** The "Run internal replenishment" form, with the warehouse select when the API lists them. */
export function renderTriggerPanel(warehouses: WarehouseList): Markup | null {
  // A viewer reads; the button would only answer 403.
  if (!mayChangeThings()) return null;
  const available = warehouses.kind === 'available';
  return html`<section class="panel">
  <form class="trigger" method="post" action="/actions/trigger-replenishment">
    <label>Warehouse
      <select name="warehouse_id" ${available ? '' : 'disabled'}>
        <option value="">All warehouses with rules</option>
        ${available ? warehouses.items.map((item) => html`<option value="${item.id}">${item.code} — ${item.name}</option>`) : null}
      </select>
    </label>
    <button type="submit">Run internal replenishment</button>
    ${available ? null : html`<span class="hint">The warehouse list could not be loaded from the API; a run covers all warehouses with rules.</span>`}
  </form>
</section>`;
}

/** What happened to the last trigger, told after the redirect back to the logs page. */
export function renderTriggerFlash(outcome: TriggerOutcome, apiOrigin: string): Markup {
  switch (outcome.kind) {
    case 'started': {
      const runLogs = `/logs?${new URLSearchParams({ period: '24h', run_id: outcome.runId }).toString()}`;
      return renderNotice(
        'success',
        html`Internal replenishment started: run_id <code>${outcome.runId}</code>. It runs in the background —
          <a href="${runLogs}">show this run's log entries</a> or <a href="/runs/${outcome.runId}">its orders</a>.`,
      );
    }
    case 'busy':
      return renderNotice(
        'error',
        html`The run was not started: run <a href="/runs/${outcome.runId}"><code>${outcome.runId}</code></a> is in progress
          for the same warehouses. Start again once it has finished.`,
      );
    case 'rejected':
      return renderNotice('error', html`The run was not started: ${rejectionReason(outcome.status)} (the API answered HTTP ${outcome.status}).`);
    case 'unexpected-answer':
      return renderNotice('error', 'The API accepted the request but did not return a run_id; check the API’s logs before starting another run.');
    case 'unreachable':
      return renderNotice('error', html`The run was not started: the API at <code>${apiOrigin}</code> could not be reached.`);
  }
}

function rejectionReason(status: number): string {
  if (status === 401 || status === 403) return 'the API refused the admin’s credentials — check API_TOKEN';
  if (status === 409) return 'a replenishment run is already in progress';
  if (status === 422 || status === 400) return 'the API rejected the request as invalid';
  if (status >= 500) return 'the API failed while accepting it';
  return 'the API refused it';
}
