import type { RunCounts, RunOrders, RunRecord, WarehouseSummary } from '@hub/replenishment';
import { html } from 'hono/html';
import { currentTimeZone } from '../admin-env';
import { compactJson, formatNumber, formatTime, toDateTimeLocal } from './format';
import { renderLayout, renderNotice, type Markup } from './layout';
import { currentMessages } from '../i18n/messages';
import { describeDuration, describeTarget, renderStatus, runStatusLabel, runTriggerLabel } from './runs-format';
import { renderExternalOrder, renderTransferOrder } from './runs-orders';

/** Everything a run's page shows. */
export interface RunDetailModel {
  run: RunRecord;
  orders: RunOrders;
  /** The run's target warehouse; null for a run over every warehouse, or one the hub no longer knows. */
  target: WarehouseSummary | null;
  now: Date;
}

/** Every count a finished run stores, in the order the run produces them (the catalogue lists them so). */
const COUNT_KEYS = (): (keyof RunCounts)[] => Object.keys(currentMessages().runs.counts) as (keyof RunCounts)[];

export type RunNotFound = { kind: 'malformed'; id: string } | { kind: 'unknown'; id: string };

/** A run's page: its header, then each transfer order and each outside order with their explained lines. */
export function renderRunDetailPage({ run, orders, target, now }: RunDetailModel): Markup {
  // From the minute the run was queued until now, so every entry carrying its run_id is in range.
  const logs = new URLSearchParams({ from: toDateTimeLocal(run.createdAt), to: toDateTimeLocal(new Date(now.getTime() + 60_000)), run_id: run.id });
  const finished = run.status === 'succeeded' || run.status === 'failed';
  const t = currentMessages().runs;
  return renderLayout(
    t.runTitle,
    html`<p><a href="/runs">${t.allRunsBack}</a> · <a href="/logs?${logs.toString()}">${t.thisRunsLogs}</a></p>
${run.status === 'failed' ? renderNotice('error', t.failed(run.error)) : null}
${renderRunHeader(run, target)}
<h2>${t.transferOrders(orders.transferOrders.length)}</h2>
${orders.transferOrders.length === 0 ? renderNotice('info', t.noTransferOrders(finished)) : orders.transferOrders.map(renderTransferOrder)}
<h2>${t.outsideOrders(orders.externalOrders.length)}</h2>
${orders.externalOrders.length === 0 ? renderNotice('info', t.noOutsideOrders(finished)) : orders.externalOrders.map(renderExternalOrder)}`,
  );
}

function renderRunHeader(run: RunRecord, target: WarehouseSummary | null): Markup {
  const time = (date: Date | null): string => (date === null ? '' : `${formatTime(date)} ${currentTimeZone()}`);
  const t = currentMessages().runs;
  const labels: Record<string, string> = t.counts;
  const known = COUNT_KEYS().filter((key) => key in run.counts);
  const others = Object.keys(run.counts).filter((key) => !(key in labels));
  const countLabel = (key: string): string => labels[key] ?? key;
  const facts = t.facts;
  return html`<section class="panel">
  <dl class="facts">
    <dt>${facts.runId}</dt><dd class="id">${run.id}</dd>
    <dt>${facts.status}</dt><dd>${renderStatus(run.status, runStatusLabel(run.status))}</dd>
    <dt>${facts.trigger}</dt><dd>${runTriggerLabel(run.trigger)}</dd>
    <dt>${facts.startedBy}</dt><dd>${run.startedBy ?? '—'}</dd>
    <dt>${facts.target}</dt><dd>${describeTarget(run.targetWarehouseId, target)}</dd>
    <dt>${facts.requestId}</dt><dd class="id">${run.requestId ?? '—'}</dd>
    <dt>${facts.parameters}</dt><dd><code>${compactJson(run.parameters)}</code></dd>
    <dt>${facts.queued}</dt><dd>${time(run.createdAt)}</dd>
    <dt>${facts.started}</dt><dd>${time(run.startedAt)}</dd>
    <dt>${facts.finished}</dt><dd>${time(run.finishedAt)}${run.finishedAt === null ? '' : ` ${t.tookFull(describeDuration(run))}`}</dd>
    <dt>${facts.error}</dt><dd class="message">${run.error ?? '—'}</dd>
  </dl>
  ${
    known.length + others.length === 0 ?
      html`<p class="hint">${t.noCounts}</p>`
    : html`<ul class="counts">${[...known, ...others].map((key) => html`<li class="count"><span><strong>${formatNumber(run.counts[key])}</strong> ${countLabel(key)}</span></li>`)}</ul>`
  }
</section>`;
}

/** The page for an address that names no run: malformed ids are told apart from unknown ones. */
export function renderRunNotFoundPage(problem: RunNotFound): Markup {
  const t = currentMessages().runs;
  const id = html`<code>${problem.id}</code>`;
  const message = problem.kind === 'malformed' ? t.malformed(id) : t.unknown(id);
  return renderLayout(t.runTitle, renderNotice('error', html`${message} <a href="/runs">${t.allRuns}</a>`));
}
