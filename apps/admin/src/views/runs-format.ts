import type { RunStatus, RunTrigger } from '@hub/db';
import type { RunRecord, WarehouseSummary } from '@hub/replenishment';
import { html } from 'hono/html';
import type { Markup } from './layout';
import { formatAge } from './outbox-summary';

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

export const RUN_TRIGGER_LABELS: Record<RunTrigger, string> = {
  endpoint: 'API endpoint',
  schedule: 'Schedule',
  admin: 'Admin',
};

/** A status badge; the class names the status, so failed runs and orders show red. */
export function renderStatus(status: string, label: string): Markup {
  return html`<span class="status status-${status}">${label}</span>`;
}

/** `MSK-1 — Moscow`, the id when the hub no longer knows the warehouse, or every warehouse for a run without a target. */
export function describeTarget(targetWarehouseId: string | null, warehouse: WarehouseSummary | null | undefined): string {
  if (targetWarehouseId === null) return 'All warehouses with rules';
  return warehouse ? `${warehouse.code} — ${warehouse.name}` : targetWarehouseId;
}

/** How long the run worked, from start to finish; empty until it has finished. */
export function describeDuration(run: Pick<RunRecord, 'startedAt' | 'finishedAt'>): string {
  if (run.startedAt === null || run.finishedAt === null) return '';
  const ms = run.finishedAt.getTime() - run.startedAt.getTime();
  if (ms < 1000) return `${ms} ms`;
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : formatAge(ms / 1000);
}
