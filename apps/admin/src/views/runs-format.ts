import type { RunStatus, RunTrigger } from '@hub/db';
import type { RunRecord, WarehouseSummary } from '@hub/replenishment';
import { html } from 'hono/html';
import { currentMessages } from '../i18n/messages';
import type { Markup } from './layout';
import { formatAge } from './outbox-summary';

/** A run status in the page's language; one this admin does not know is shown as stored. */
export function runStatusLabel(status: RunStatus | string): string {
  const labels: Record<string, string> = currentMessages().runs.statuses;
  return labels[status] ?? status;
}

/** What started a run, in the page's language. */
export function runTriggerLabel(trigger: RunTrigger | string): string {
  const labels: Record<string, string> = currentMessages().runs.triggers;
  return labels[trigger] ?? trigger;
}

/** A status badge; the class names the status, so failed runs and orders show red. */
export function renderStatus(status: string, label: string): Markup {
  return html`<span class="status status-${status}">${label}</span>`;
}

/** `MSK-1 — Moscow`, the id when the hub no longer knows the warehouse, or every warehouse for a run without a target. */
export function describeTarget(targetWarehouseId: string | null, warehouse: WarehouseSummary | null | undefined): string {
  if (targetWarehouseId === null) return currentMessages().runs.allWarehouses;
  return warehouse ? `${warehouse.code} — ${warehouse.name}` : targetWarehouseId;
}

/** How long the run worked, from start to finish; empty until it has finished. */
export function describeDuration(run: Pick<RunRecord, 'startedAt' | 'finishedAt'>): string {
  if (run.startedAt === null || run.finishedAt === null) return '';
  const ms = run.finishedAt.getTime() - run.startedAt.getTime();
  const t = currentMessages().app;
  if (ms < 1000) return t.milliseconds(ms);
  return ms < 60_000 ? t.seconds(Math.round(ms / 100) / 10) : formatAge(ms / 1000);
}
