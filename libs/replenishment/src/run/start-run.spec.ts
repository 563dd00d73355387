import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTERNAL_ORDER, msOrderRequestSchema } from '@hub/orders';
import { findRun } from '../sql/runs-sql';
import { startReplenishmentRun } from './start-run';
import { useRunEnvironment } from '../testing/run-fixture';
import type { RunOutcome } from './types';

describe('startReplenishmentRun against the 1С sandbox', () => {
  const env = useRunEnvironment();
  let first: { runId: string; requestId: string; outcome: RunOutcome };

  beforeAll(async () => {
    const requestId = randomUUID();
    const started = await startReplenishmentRun(
      { sessions: env.fx.sessions, oneC: env.sandbox.oneC, logger: env.fx.logger },
      { trigger: 'endpoint', requestId },
    );
    first = { runId: started.runId, requestId, outcome: await started.completion };
  });

  it('succeeds with transfer orders and counts that match the rows', async () => {
    expect(first.outcome.status).toBe('succeeded');
    if (first.outcome.status !== 'succeeded') return;
    const { counts } = first.outcome;
    expect(counts.transferOrders).toBeGreaterThan(0);
    const run = await findRun(env.fx.sessions.open(), first.runId);
    expect(run).toMatchObject({ status: 'succeeded', counts, requestId: first.requestId, trigger: 'endpoint', error: null });
    expect(run?.startedAt?.getTime()).toBeGreaterThanOrEqual(run?.createdAt.getTime() ?? Infinity);
    expect(run?.finishedAt?.getTime()).toBeGreaterThanOrEqual(run?.startedAt?.getTime() ?? Infinity);
    const [rows] = await env.fx.query<{ snapshots: number; orders: number; lines: number }>(
      `select (select count(*)::int from stock_snapshots where run_id = ?) as snapshots,
         (select count(*)::int from transfer_orders where run_id = ?) as orders,
         (select count(*)::int from transfer_order_lines l join transfer_orders o on o.id = l.transfer_order_id where o.run_id = ?) as lines`,
      [first.runId, first.runId, first.runId],
    );
    expect(rows).toEqual({ snapshots: counts.stockSnapshots, orders: counts.transferOrders, lines: counts.transferLines });
  });

  it('explains every line with numbers that add up', async () => {
    const lines = await env.fx.query<{ quantity: number; explanation: Record<string, number> }>(
      `select l.quantity, l.explanation from transfer_order_lines l join transfer_orders o on o.id = l.transfer_order_id where o.run_id = ?`,
      [first.runId],
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const { quantity, explanation: e } of lines) {
      expect(e['allocated']).toBe(quantity);
      expect(e['position']).toBe((e['onHand'] ?? 0) - (e['reserved'] ?? 0) + (e['inbound'] ?? 0));
      expect(e['position']).toBeLessThan(e['min'] ?? -Infinity);
      expect((e['need'] ?? 0) % (e['multiple'] ?? 1)).toBe(0);
      expect(quantity).toBeLessThanOrEqual(Math.min(e['need'] ?? 0, e['donorSurplus'] ?? 0));
    }
  });

  it('never takes a donor below its own min', async () => {
    const given = await env.fx.query<{ on_hand: number; reserved: number; min_qty: number; given: number }>(
      `select s.on_hand, s.reserved, coalesce(r.min_qty, 0) as min_qty, sum(l.quantity)::int as given
       from transfer_orders o
       join transfer_order_lines l on l.transfer_order_id = o.id
       join stock_snapshots s on s.run_id = o.run_id and s.warehouse_id = o.source_warehouse_id and s.product_id = l.product_id
       left join replenishment_rules r on r.warehouse_id = o.source_warehouse_id and r.product_id = l.product_id
       where o.run_id = ?
       group by s.on_hand, s.reserved, r.min_qty, o.source_warehouse_id, l.product_id`,
      [first.runId],
    );
    expect(given.length).toBeGreaterThan(0);
    for (const row of given) expect(row.on_hand - row.reserved - row.given).toBeGreaterThanOrEqual(row.min_qty);
  });

  it('enqueues one CREATE_1C_TRANSFER_ORDER event per order, in 1С ids', async () => {
    const events = await env.fx.query<{
      order_id: string;
      event_type: string;
      status: string;
      payload: Record<string, unknown>;
      source_external: string;
      lines: number;
    }>(
      `select o.id as order_id, e.event_type, e.status, e.payload, w.external_id as source_external,
         (select count(*)::int from transfer_order_lines l where l.transfer_order_id = o.id) as lines
       from transfer_orders o
       join warehouses w on w.id = o.source_warehouse_id
       left join outbox_events e on e.aggregate_id = o.id
       where o.run_id = ?`,
      [first.runId],
    );
    expect(events).toHaveLength(first.outcome.status === 'succeeded' ? first.outcome.counts.transferOrders : -1);
    for (const event of events) {
      expect(event).toMatchObject({ event_type: 'CREATE_1C_TRANSFER_ORDER', status: 'pending' });
      expect(event.payload).toMatchObject({ hubOrderId: event.order_id, sourceWarehouseId: event.source_external });
      expect(event.payload['lines']).toHaveLength(event.lines);
    }
  });

  it('orders what no own warehouse covers outside: one order per target, lines explained, one valid МойСклад event each', async () => {
    const orders = await env.fx.query<{
      id: string;
      target: string;
      code: string;
      status: string;
      lines: { productId: string; sku: string; quantity: number; explanation: Record<string, number> }[];
    }>(
      `select o.id, o.target_warehouse_id as target, w.code, o.status,
         (select jsonb_agg(jsonb_build_object('productId', l.product_id, 'sku', p.sku, 'quantity', l.quantity, 'explanation', l.explanation) order by p.sku)
          from external_order_lines l join products p on p.id = l.product_id where l.external_order_id = o.id) as lines
       from external_orders o join warehouses w on w.id = o.target_warehouse_id where o.run_id = ? order by w.code`,
      [first.runId],
    );
    const counts = first.outcome.status === 'succeeded' ? first.outcome.counts : null;
    expect(orders.length).toBeGreaterThan(0);
    expect(counts).toMatchObject({ externalOrders: orders.length, externalLines: counts?.uncoveredLines, externalUnits: counts?.uncoveredUnits });
    expect(new Set(orders.map((o) => o.target)).size).toBe(orders.length);
    for (const order of orders) {
      expect(order.status).toBe('pending');
      for (const { quantity, explanation: e } of order.lines) {
        expect(e).toMatchObject({ allocated: quantity, donorSurplus: 0 });
        expect(quantity).toBeLessThanOrEqual(e['need'] ?? 0);
      }
      const [event] = await env.fx.query<{ event_type: string; aggregate_type: string; status: string; payload: unknown }>(
        'select event_type, aggregate_type, status, payload from outbox_events where aggregate_id = ?',
        [order.id],
      );
      expect(event).toMatchObject({ event_type: EXTERNAL_ORDER.eventType, aggregate_type: EXTERNAL_ORDER.aggregateType, status: 'pending' });
      const request = msOrderRequestSchema.parse(event?.payload);
      expect(request).toMatchObject({ hubOrderId: order.id, runId: first.runId, targetWarehouse: { id: order.target, code: order.code } });
      const bySku = (lines: { productId: string; sku: string; quantity: number }[]) =>
        lines.map(({ productId, sku, quantity }) => ({ productId, sku, quantity })).sort((a, b) => a.sku.localeCompare(b.sku));
      expect(bySku(request.lines)).toEqual(bySku(order.lines));
    }
  });

  it('logs every step with the run id and request id', async () => {
    const rows = await env.fx.query<{ step: string; level: string; request_id: string; elapsed_ms: number | null; payload_type: string }>(
      `select step, level, request_id, elapsed_ms, jsonb_typeof(payload) as payload_type from integration_logs where run_id = ? order by id`,
      [first.runId],
    );
    expect(rows.map((r) => r.step)).toEqual(['start', 'sync_catalog', 'reconcile_orders', 'fetch_stock', 'plan', 'write_orders', 'finish']);
    for (const row of rows) expect(row).toMatchObject({ level: 'INFO', request_id: first.requestId, payload_type: 'object' });
    expect(rows.at(-1)?.elapsed_ms).toEqual(expect.any(Number));
  });

  it('does not order again right after: open transfer and outside orders count as inbound', async () => {
    const second = await startReplenishmentRun({ sessions: env.fx.sessions, oneC: env.sandbox.oneC, logger: env.fx.logger }, { trigger: 'schedule' });
    const outcome = await second.completion;
    expect(outcome).toMatchObject({ status: 'succeeded', counts: { transferOrders: 0, externalOrders: 0, outboxEvents: 0 } });
    const [orders] = await env.fx.query<{ count: number }>('select count(*)::int as count from transfer_orders where run_id = ?', [second.runId]);
    expect(orders?.count).toBe(0);
  });

  it('orders again what failed: an order whose event went dead moves nothing', async () => {
    await env.fx.query(`update transfer_orders set status = 'failed' where run_id = ?`, [first.runId]);
    await env.fx.query(`update external_orders set status = 'failed' where run_id = ?`, [first.runId]);
    const again = await startReplenishmentRun({ sessions: env.fx.sessions, oneC: env.sandbox.oneC, logger: env.fx.logger }, { trigger: 'schedule' });
    const counts = first.outcome.status === 'succeeded' ? first.outcome.counts : null;
    expect(await again.completion).toMatchObject({
      status: 'succeeded',
      counts: { transferOrders: counts?.transferOrders, externalOrders: counts?.externalOrders, externalUnits: counts?.externalUnits },
    });
  });

  it('plans only the named target warehouse', async () => {
    const [target] = await env.fx.query<{ id: string }>(
      'select target_warehouse_id as id from transfer_orders where run_id = ? order by target_warehouse_id limit 1',
      [first.runId],
    );
    await env.fx.query(`update transfer_orders set status = 'received'`);
    await env.fx.query(`update external_orders set status = 'received'`);
    const run = await startReplenishmentRun(
      { sessions: env.fx.sessions, oneC: env.sandbox.oneC, logger: env.fx.logger },
      { trigger: 'admin', warehouseId: target?.id ?? null },
    );
    expect(await run.completion).toMatchObject({ status: 'succeeded' });
    const targets = await env.fx.query<{ id: string }>('select distinct target_warehouse_id as id from transfer_orders where run_id = ?', [run.runId]);
    expect(targets).toEqual([{ id: target?.id }]);
  });
});
