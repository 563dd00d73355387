import { randomUUID } from 'node:crypto';
import type { SessionFactory } from '@hub/db';
import { EXTERNAL_ORDER, TRANSFER_ORDER } from '@hub/orders';
import { seedOrder } from '@hub/orders/testing';
import { DEAD_EVENT, updateEvent } from '@hub/outbox/testing';
import type { LineExplanation } from '@hub/replenishment';

/** A run row to insert; `minutesAgo` places it in the list (newest first). */
export interface SeededRun {
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  trigger: 'endpoint' | 'schedule' | 'admin';
  minutesAgo: number;
  targetWarehouseId?: string | null;
  counts?: Record<string, number>;
  error?: string | null;
  /** The admin operator who started it. */
  startedBy?: string | null;
}

/** Inserts a run as the lib leaves it: started and finished unless queued or running. */
export async function seedRun(sessions: SessionFactory, run: SeededRun): Promise<string> {
  const id = randomUUID();
  await sessions.open().execute(
    `insert into replenishment_runs (id, trigger, target_warehouse_id, parameters, status, counts, error, started_by, created_at, started_at, finished_at)
     values (?::uuid, ?, ?::uuid, ?::jsonb, ?, ?::jsonb, ?, ?,
       now() - ?::integer * interval '1 minute',
       case when ? = 'queued' then null else now() - ?::integer * interval '1 minute' + interval '1 second' end,
       case when ? in ('succeeded', 'failed') then now() - ?::integer * interval '1 minute' + interval '3.5 seconds' end)`,
    [
      id,
      run.trigger,
      run.targetWarehouseId ?? null,
      JSON.stringify({ warehouseId: run.targetWarehouseId ?? null }),
      run.status,
      JSON.stringify(run.counts ?? {}),
      run.error ?? null,
      run.startedBy ?? null,
      run.minutesAgo,
      run.status,
      run.minutesAgo,
      run.status,
      run.minutesAgo,
    ],
    'run',
  );
  return id;
}

/*
 * Odoo's example: min 10, max 40, multiple 6, position 9 − 3 + 2 = 8 → need 36. Another target
 * needs 12 (total 48) and the one donor spares 30: fair share 30/48, quota floor(30 × 36 / (48 × 6))
 * × 6 = 18, plus the one leftover pack (shares tie at 0.5; the larger need wins) → 24 covered by
 * transfer, the other 12 bought outside. Every column holds a different number where it can.
 */
const NEED = { onHand: 9, reserved: 3, inbound: 2, position: 8, min: 10, max: 40, multiple: 6, need: 36 };
const SHARED = { totalNeed: 48, totalSurplus: 30, fairShare: 30 / 48, fairQuota: 18, covered: 24, share: 24 / 36 };
export const TRANSFER_EXPLANATION: LineExplanation = { ...NEED, ...SHARED, donorSurplus: 30, allocated: 24 };
export const OUTSIDE_EXPLANATION: LineExplanation = { ...NEED, ...SHARED, donorSurplus: 0, allocated: 12 };

/** The ids a seeded run with orders is checked by. */
export interface RunWithOrders {
  runId: string;
  targetWarehouseId: string;
  transferOrderId: string;
  externalOrderId: string;
}

/**
 * A succeeded run for SPB-1: a sent transfer order MSK-1 → SPB-1 of 24 (its event delivered)
 * and a pending outside order of 12 (its event dead), one explained line each.
 */
export async function seedRunWithOrders(sessions: SessionFactory): Promise<RunWithOrders> {
  const catalog = {
    source: { externalId: '1c-MSK-1', code: 'MSK-1', name: 'Moscow central' },
    target: { externalId: '1c-SPB-1', code: 'SPB-1', name: 'Saint Petersburg' },
    products: [{ externalId: '1c-kefir', sku: 'SKU-0002', name: 'Кефир <2,5%> 900 г' }],
  };
  const counts = { needs: 1, transferOrders: 1, transferLines: 1, unitsPlanned: 24, externalOrders: 1, externalLines: 1, externalUnits: 12, outboxEvents: 2 };
  const runId = await seedRun(sessions, { status: 'succeeded', trigger: 'admin', startedBy: 'marina.k', minutesAgo: 30, counts });

  const transfer = await seedOrder(sessions, {
    kind: TRANSFER_ORDER,
    runId,
    catalog,
    quantity: 24,
    explanation: TRANSFER_EXPLANATION,
    status: 'sent',
    document: { id: '1c-doc-77', number: 'ПР-000123' },
  });
  await updateEvent(sessions, transfer.eventId, "status = 'delivered', attempts = 1, delivered_at = now(), response_ref = '1c-doc-77'");
  const outside = await seedOrder(sessions, { kind: EXTERNAL_ORDER, runId, catalog, quantity: 12, explanation: OUTSIDE_EXPLANATION });
  await updateEvent(sessions, outside.eventId, DEAD_EVENT);
  // The run was for SPB-1, which exists once the orders named it.
  await sessions
    .open()
    .execute(
      `update replenishment_runs set target_warehouse_id = ?::uuid, parameters = jsonb_build_object('warehouseId', ?::text) where id = ?::uuid`,
      [transfer.targetWarehouseId, transfer.targetWarehouseId, runId],
      'run',
    );
  const [transferOrderId, externalOrderId, target] = [transfer.orderId, outside.orderId, transfer.targetWarehouseId];
  return { runId, targetWarehouseId: target, transferOrderId, externalOrderId };
}
