import { randomUUID } from 'node:crypto';
import type { SessionFactory } from '@hub/db';
import { EXTERNAL_ORDER, TRANSFER_ORDER } from '@hub/orders';
import { DEAD_EVENT, seedOutboxEvent } from '@hub/outbox/testing';
import type { LineExplanation } from '@hub/replenishment';

/** A run row to insert; `minutesAgo` places it in the list (newest first). */
export interface SeededRun {
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  trigger: 'endpoint' | 'schedule' | 'admin';
  minutesAgo: number;
  targetWarehouseId?: string | null;
  counts?: Record<string, number>;
  error?: string | null;
}

/** Inserts a run as the lib leaves it: started and finished unless queued or running. */
export async function seedRun(sessions: SessionFactory, run: SeededRun): Promise<string> {
  const id = randomUUID();
  await sessions.open().execute(
    `insert into replenishment_runs (id, trigger, target_warehouse_id, parameters, status, counts, error, created_at, started_at, finished_at)
     values (?::uuid, ?, ?::uuid, ?::jsonb, ?, ?::jsonb, ?,
       now() - ?::integer * interval '1 minute',
       case when ? = 'queued' then null else now() - ?::integer * interval '1 minute' + interval '1 second' end,
       case when ? in ('succeeded', 'failed') then now() - ?::integer * interval '1 minute' + interval '3.5 seconds' end)`,
    [
      id, run.trigger, run.targetWarehouseId ?? null, JSON.stringify({ warehouseId: run.targetWarehouseId ?? null }), run.status,
      JSON.stringify(run.counts ?? {}), run.error ?? null, run.minutesAgo, run.status, run.minutesAgo, run.status, run.minutesAgo,
    ],
    'run',
  );
  return id;
}

async function seedWarehouse(sessions: SessionFactory, code: string, name: string): Promise<string> {
  const id = randomUUID();
  await sessions.open().execute('insert into warehouses (id, external_id, code, name) values (?::uuid, ?, ?, ?)', [id, `1c-${code}`, code, name], 'run');
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
  const donor = await seedWarehouse(sessions, 'MSK-1', 'Moscow central');
  const target = await seedWarehouse(sessions, 'SPB-1', 'Saint Petersburg');
  const product = randomUUID();
  const em = sessions.open();
  await em.execute(`insert into products (id, external_id, sku, name) values (?::uuid, '1c-kefir', 'SKU-0002', 'Кефир <2,5%> 900 г')`, [product], 'run');
  const counts = { needs: 1, transferOrders: 1, transferLines: 1, unitsPlanned: 24, externalOrders: 1, externalLines: 1, externalUnits: 12, outboxEvents: 2 };
  const runId = await seedRun(sessions, { status: 'succeeded', trigger: 'admin', minutesAgo: 30, targetWarehouseId: target, counts });

  const [transferOrderId, externalOrderId] = [randomUUID(), randomUUID()];
  await em.execute(
    `insert into transfer_orders (id, run_id, source_warehouse_id, target_warehouse_id, status, external_id, external_number)
     values (?::uuid, ?::uuid, ?::uuid, ?::uuid, 'sent', '1c-doc-77', 'ПР-000123')`,
    [transferOrderId, runId, donor, target], 'run');
  await em.execute(`insert into transfer_order_lines (id, transfer_order_id, product_id, quantity, explanation) values (?::uuid, ?::uuid, ?::uuid, 24, ?::jsonb)`,
    [randomUUID(), transferOrderId, product, JSON.stringify(TRANSFER_EXPLANATION)], 'run');
  await seedOutboxEvent(sessions, {
    aggregateType: TRANSFER_ORDER.aggregateType, aggregateId: transferOrderId, eventType: TRANSFER_ORDER.eventType,
    set: "status = 'delivered', attempts = 1, delivered_at = now(), response_ref = '1c-doc-77'",
  });

  await em.execute(`insert into external_orders (id, run_id, target_warehouse_id, status) values (?::uuid, ?::uuid, ?::uuid, 'pending')`,
    [externalOrderId, runId, target], 'run');
  await em.execute(`insert into external_order_lines (id, external_order_id, product_id, quantity, explanation) values (?::uuid, ?::uuid, ?::uuid, 12, ?::jsonb)`,
    [randomUUID(), externalOrderId, product, JSON.stringify(OUTSIDE_EXPLANATION)], 'run');
  await seedOutboxEvent(sessions, { aggregateType: EXTERNAL_ORDER.aggregateType, aggregateId: externalOrderId, eventType: EXTERNAL_ORDER.eventType, set: DEAD_EVENT });
  return { runId, targetWarehouseId: target, transferOrderId, externalOrderId };
}
