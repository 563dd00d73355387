import type {
  DryRunPlan,
  ExplainedLine,
  OutboxEventState,
  ProductLabel,
  RecordedExternalOrder,
  RecordedTransferOrder,
  RunOrders,
  RunRecord,
  WarehouseLabel,
} from '@hub/replenishment';
import { iso } from './timestamps';

/*
 * Runs and plans as the API shows them: snake_case keys, ISO 8601 timestamps. Explanations
 * and counts keep the lib's keys (they are stored as they are shown).
 */

export function runBody(run: RunRecord) {
  return {
    id: run.id,
    trigger: run.trigger,
    started_by: run.startedBy,
    request_id: run.requestId,
    target_warehouse_id: run.targetWarehouseId,
    parameters: run.parameters,
    status: run.status,
    counts: run.counts,
    error: run.error,
    created_at: iso(run.createdAt),
    started_at: iso(run.startedAt),
    finished_at: iso(run.finishedAt),
    duration_ms: run.startedAt && run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
  };
}

const warehouseBody = (w: WarehouseLabel) => ({ id: w.id, external_id: w.externalId, code: w.code, name: w.name });
const productBody = (p: ProductLabel) => ({ id: p.id, external_id: p.externalId, sku: p.sku, name: p.name });
const lineBody = (l: ExplainedLine) => ({ product: productBody(l.product), quantity: l.quantity, explanation: l.explanation });

/** A dry run's answer: what a run would order now, and why. */
export function dryRunBody(plan: DryRunPlan, requestId: string) {
  return {
    dry_run: true as const,
    request_id: requestId,
    target_warehouse_id: plan.targetWarehouseId,
    counts: plan.counts,
    needs: plan.needs.map((n) => ({ warehouse: warehouseBody(n.warehouse), product: productBody(n.product), explanation: n.explanation })),
    transfer_orders: plan.transferOrders.map((o) => ({ source: warehouseBody(o.source), target: warehouseBody(o.target), lines: o.lines.map(lineBody) })),
    external_orders: plan.externalOrders.map((o) => ({ target: warehouseBody(o.target), lines: o.lines.map(lineBody) })),
  };
}

const eventBody = (e: OutboxEventState | null) =>
  e === null ? null : (
    {
      id: e.id,
      event_type: e.eventType,
      status: e.status,
      attempts: e.attempts,
      last_error: e.lastError,
      next_attempt_at: e.nextAttemptAt,
      delivered_at: e.deliveredAt,
    }
  );

const orderBody = (o: RecordedTransferOrder | RecordedExternalOrder) => ({
  id: o.id,
  status: o.status,
  external_id: o.externalId,
  external_number: o.externalNumber,
  target: warehouseBody(o.target),
  lines: o.lines.map(lineBody),
  outbox_event: eventBody(o.outboxEvent),
});

/** A recorded run with its orders, their explained lines and where each delivery stands. */
export function runDetailBody(run: RunRecord, orders: RunOrders) {
  return {
    ...runBody(run),
    transfer_orders: orders.transferOrders.map((o) => ({ ...orderBody(o), source: warehouseBody(o.source) })),
    external_orders: orders.externalOrders.map(orderBody),
  };
}
