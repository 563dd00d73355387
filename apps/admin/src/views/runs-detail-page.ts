import type { RunCounts, RunOrders, RunRecord, WarehouseSummary } from '@hub/replenishment';
import { html } from 'hono/html';
import { currentTimeZone } from '../admin-env';
import { compactJson, formatTime, toDateTimeLocal } from './format';
import { renderLayout, renderNotice, type Markup } from './layout';
import { describeDuration, describeTarget, renderStatus, RUN_STATUS_LABELS, RUN_TRIGGER_LABELS } from './runs-format';
import { renderExternalOrder, renderTransferOrder } from './runs-orders';

/** Everything a run's page shows. */
export interface RunDetailModel {
  run: RunRecord;
  orders: RunOrders;
  /** The run's target warehouse; null for a run over every warehouse, or one the hub no longer knows. */
  target: WarehouseSummary | null;
  now: Date;
}

/** Every count a finished run stores, in the order the run produces them. */
const COUNT_LABELS: Record<keyof RunCounts, string> = {
  warehouses: 'Warehouses in 1С',
  products: 'Products with a norm',
  rules: 'Rules',
  stockItems: 'Stock lines from 1С',
  stockSnapshots: 'Stock snapshots',
  ordersChecked: 'Sent orders checked in 1С',
  ordersReceived: 'Orders received',
  ordersCancelled: 'Orders cancelled',
  ordersStillOpen: 'Orders still open',
  ordersUnknown: 'Orders 1С does not know',
  needs: 'Needs (below min)',
  transferOrders: 'Transfer orders',
  transferLines: 'Transfer lines',
  unitsPlanned: 'Units transferred',
  uncoveredLines: 'Uncovered lines',
  uncoveredUnits: 'Uncovered units',
  externalOrders: 'Outside orders',
  externalLines: 'Outside order lines',
  externalUnits: 'Units ordered outside',
  outboxEvents: 'Outbox events',
};

export type RunNotFound = { kind: 'malformed'; id: string } | { kind: 'unknown'; id: string };

/** A run's page: its header, then each transfer order and each outside order with their explained lines. */
export function renderRunDetailPage({ run, orders, target, now }: RunDetailModel): Markup {
  // From the minute the run was queued until now, so every entry carrying its run_id is in range.
  const logs = new URLSearchParams({ from: toDateTimeLocal(run.createdAt), to: toDateTimeLocal(new Date(now.getTime() + 60_000)), run_id: run.id });
  const finished = run.status === 'succeeded' || run.status === 'failed';
  const none = (what: string): Markup =>
    renderNotice('info', finished ? `This run wrote no ${what}.` : `The run has not finished yet; its ${what} appear here when it has.`);
  return renderLayout(
    'Run',
    html`<p><a href="/runs">← All runs</a> · <a href="/logs?${logs.toString()}">this run's log entries</a></p>
${run.status === 'failed' ? renderNotice('error', html`The run failed: ${run.error ?? 'no error was recorded'}`) : null}
${renderRunHeader(run, target)}
<h2>Transfer orders (${orders.transferOrders.length})</h2>
${orders.transferOrders.length === 0 ? none('transfer orders') : orders.transferOrders.map(renderTransferOrder)}
<h2>Outside orders (${orders.externalOrders.length})</h2>
${orders.externalOrders.length === 0 ? none('outside orders') : orders.externalOrders.map(renderExternalOrder)}`,
  );
}

function renderRunHeader(run: RunRecord, target: WarehouseSummary | null): Markup {
  const time = (date: Date | null): string => (date === null ? '' : `${formatTime(date)} ${currentTimeZone()}`);
  const known = Object.keys(COUNT_LABELS).filter((key) => key in run.counts);
  const others = Object.keys(run.counts).filter((key) => !(key in COUNT_LABELS));
  const countLabel = (key: string): string => COUNT_LABELS[key as keyof RunCounts] ?? key;
  return html`<section class="panel">
  <dl class="facts">
    <dt>Run ID</dt><dd class="id">${run.id}</dd>
    <dt>Status</dt><dd>${renderStatus(run.status, RUN_STATUS_LABELS[run.status] ?? run.status)}</dd>
    <dt>Trigger</dt><dd>${RUN_TRIGGER_LABELS[run.trigger] ?? run.trigger}</dd>
    <dt>Started by</dt><dd>${run.startedBy ?? '—'}</dd>
    <dt>Target</dt><dd>${describeTarget(run.targetWarehouseId, target)}</dd>
    <dt>Request ID</dt><dd class="id">${run.requestId ?? '—'}</dd>
    <dt>Parameters</dt><dd><code>${compactJson(run.parameters)}</code></dd>
    <dt>Queued</dt><dd>${time(run.createdAt)}</dd>
    <dt>Started</dt><dd>${time(run.startedAt)}</dd>
    <dt>Finished</dt><dd>${time(run.finishedAt)}${run.finishedAt === null ? '' : ` (took ${describeDuration(run)})`}</dd>
    <dt>Error</dt><dd class="message">${run.error ?? '—'}</dd>
  </dl>
  ${
    known.length + others.length === 0
      ? html`<p class="hint">No counts: a run records them when it succeeds.</p>`
      : html`<ul class="counts">${[...known, ...others].map((key) => html`<li class="count"><span><strong>${run.counts[key]}</strong> ${countLabel(key)}</span></li>`)}</ul>`
  }
</section>`;
}

/** The page for an address that names no run: malformed ids are told apart from unknown ones. */
export function renderRunNotFoundPage(problem: RunNotFound): Markup {
  const message =
    problem.kind === 'malformed'
      ? html`<code>${problem.id}</code> is not a run id: a run id is a UUID, as the runs list and the log entries show it.`
      : html`There is no run with id <code>${problem.id}</code>.`;
  return renderLayout('Run', renderNotice('error', html`${message} <a href="/runs">All runs</a>`));
}
