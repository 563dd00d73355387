import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrderDispatch, EXTERNAL_ORDER, ORDER_OUTBOX_HOOKS } from '@hub/orders';
import { createOutboxDispatcher, processOutboxBatch } from '@hub/outbox';
import { startReplenishmentRun } from './start-run';
import { useRunEnvironment } from '../testing/run-fixture';
import type { RunCounts } from './types';

interface SentLine {
  orderId: string;
  externalId: string;
  target: string;
  targetExternal: string;
  product: string;
  productExternal: string;
  quantity: number;
  explanation: Record<string, number>;
}

describe("reconcile_orders: the hub's sent transfer orders follow 1С", () => {
  const env = useRunEnvironment();
  let firstRunId: string;
  const run = async () => {
    const requestId = randomUUID();
    const started = await startReplenishmentRun(
      { sessions: env.fx.sessions, oneC: env.sandbox.oneC, logger: env.fx.logger },
      { trigger: 'endpoint', requestId },
    );
    return { runId: started.runId, requestId, outcome: await started.completion };
  };
  const control = async (path: string, body?: unknown) => {
    const response = await fetch(`${env.sandbox.baseUrl}/__sandbox${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
    expect(response.status, path).toBeLessThan(300);
  };
  /** Every transfer order of one run, or of all runs. */
  const statuses = async (runId: string | null = null) =>
    env.fx.query<{ id: string; status: string; updated_at: string }>(
      'select id, status, updated_at::text from transfer_orders where ?::uuid is null or run_id = ?::uuid order by id',
      [runId, runId],
    );
  /* Delivers every pending order to the sandbox the way the scheduler does: they become 'sent'. */
  const deliverPending = async () => {
    const orders = createOrderDispatch({ oneC: env.sandbox.oneC });
    // Outside orders' МойСклад events are not this spec's subject: they fail retryably and wait, so their
    // orders stay open (inbound). Without a handler they would die, and a dead event fails its order.
    const notNow = async () => Promise.reject(new Error('МойСклад is not part of this spec'));
    const dispatch = createOutboxDispatcher({ [EXTERNAL_ORDER.eventType]: notNow });
    const result = await processOutboxBatch({
      sessions: env.fx.sessions,
      owner: 'reconcile-spec',
      batchSize: 100,
      hooks: ORDER_OUTBOX_HOOKS,
      dispatch: (event, context) => (event.eventType === EXTERNAL_ORDER.eventType ? dispatch(event, context) : orders(event, context)),
    });
    // Every transfer order must be sent.
    expect(await env.fx.query(`select id from transfer_orders where status = 'pending'`)).toEqual([]);
    return result;
  };
  /* Lines of the first run's orders, each (target, product) ordered once only so its need is the line's alone. */
  const sentLines = () =>
    env.fx.query<SentLine>(
      `select o.id as "orderId", o.external_id as "externalId", o.target_warehouse_id as target, w.external_id as "targetExternal",
       l.product_id as product, p.external_id as "productExternal", l.quantity, l.explanation
     from transfer_orders o join transfer_order_lines l on l.transfer_order_id = o.id
     join warehouses w on w.id = o.target_warehouse_id join products p on p.id = l.product_id
     where o.run_id = ? and o.status = 'sent' and 1 = (select count(*) from transfer_order_lines l2
       join transfer_orders o2 on o2.id = l2.transfer_order_id
       where o2.run_id = o.run_id and o2.target_warehouse_id = o.target_warehouse_id and l2.product_id = l.product_id)
     order by p.sku, w.code`,
      [firstRunId],
    );
  const linesOf = (runId: string) =>
    env.fx.query<{ target: string; product: string; quantity: number; explanation: Record<string, number> }>(
      `select o.target_warehouse_id as target, l.product_id as product, l.quantity, l.explanation
     from transfer_orders o join transfer_order_lines l on l.transfer_order_id = o.id where o.run_id = ?`,
      [runId],
    );

  beforeAll(async () => {
    const first = await run();
    expect(first.outcome).toMatchObject({ status: 'succeeded', counts: { ordersChecked: 0 } });
    firstRunId = first.runId;
    expect(await deliverPending()).toMatchObject({ delivered: (first.outcome as { counts: RunCounts }).counts.transferOrders });
  });

  it('closes what 1С received or cancelled, and the next run plans from the new stock', async () => {
    const lines = await sentLines();
    const received = lines[0];
    const cancelled = lines.find((line) => line.orderId !== received?.orderId);
    if (!received || !cancelled) throw new Error('the demo plan should send at least two orders');
    const cancelledLines = lines.filter((line) => line.orderId === cancelled.orderId);
    await control(`/transfer-orders/${received.externalId}/receive`);
    // The store sells what arrived: without reconciliation its position would still count the order as inbound.
    await control(`/warehouses/${received.targetExternal}/sales`, { productId: received.productExternal, quantity: received.quantity });
    await control(`/transfer-orders/${cancelled.externalId}/cancel`);
    const before = await statuses(firstRunId);

    const second = await run();
    expect(second.outcome).toMatchObject({
      status: 'succeeded',
      counts: { ordersChecked: before.length, ordersReceived: 1, ordersCancelled: 1, ordersStillOpen: before.length - 2, ordersUnknown: 0 },
    });
    const expected = (id: string) =>
      id === received.orderId ? 'received'
      : id === cancelled.orderId ? 'cancelled'
      : 'sent';
    expect((await statuses(firstRunId)).map(({ id, status }) => ({ id, status }))).toEqual(before.map(({ id }) => ({ id, status: expected(id) })));

    const again = await linesOf(second.runId);
    const reordered = again.find((line) => line.target === received.target && line.product === received.product);
    const { onHand, reserved, need } = received.explanation;
    expect(reordered?.explanation).toMatchObject({ onHand, reserved, inbound: 0, need });
    expect(reordered?.quantity).toBeGreaterThan(0);
    const outside = await env.fx.query<{ target: string; product: string; quantity: number }>(
      `select o.target_warehouse_id as target, l.product_id as product, l.quantity
       from external_orders o join external_order_lines l on l.external_order_id = o.id where o.run_id = ?`,
      [firstRunId],
    );
    for (const line of cancelledLines) {
      const renewed = again.find((l) => l.target === line.target && l.product === line.product);
      // What the first run ordered outside for it is still open, so it stays inbound.
      const orderedOutside = outside.find((o) => o.target === line.target && o.product === line.product)?.quantity ?? 0;
      if (orderedOutside === 0) expect(renewed?.explanation, `need of ${line.product} reappears`).toMatchObject({ inbound: 0, need: line.explanation['need'] });
      else if (renewed) expect(renewed.explanation).toMatchObject({ inbound: orderedOutside });
    }

    const [logged] = await env.fx.query<{ level: string; request_id: string; payload: unknown }>(
      `select level, request_id, payload from integration_logs where run_id = ? and step = 'reconcile_orders'`,
      [second.runId],
    );
    expect(logged).toEqual({
      level: 'INFO',
      request_id: second.requestId,
      payload: { ordersChecked: before.length, ordersReceived: 1, ordersCancelled: 1, ordersStillOpen: before.length - 2, ordersUnknown: 0 },
    });
  });

  it('leaves an order 1С does not know as sent and names it in a WARNING', async () => {
    const [lost] = await sentLines();
    if (!lost) throw new Error('an order of the first run should still be sent');
    await env.fx.query(`update transfer_orders set external_id = 'no-such-document' where id = ?`, [lost.orderId]);
    const third = await run();
    expect(third.outcome).toMatchObject({ status: 'succeeded', counts: { ordersUnknown: 1, ordersReceived: 0, ordersCancelled: 0 } });
    expect((await statuses()).find((row) => row.id === lost.orderId)?.status).toBe('sent');
    const warnings = await env.fx.query<{ step: string; request_id: string; message: string; payload: Record<string, unknown> }>(
      `select step, request_id, message, payload from integration_logs where run_id = ? and level = 'WARNING'`,
      [third.runId],
    );
    expect(warnings).toEqual([
      {
        step: 'reconcile_orders',
        request_id: third.requestId,
        message: expect.stringContaining('no-such-document'),
        payload: { transferOrderId: lost.orderId, externalId: 'no-such-document', externalNumber: expect.any(String) },
      },
    ]);
  });

  it('fails the run with an ERROR row when 1С fails mid-way, changing nothing', async () => {
    await deliverPending();
    const [arrived] = await env.fx.query<{ externalId: string }>(
      `select external_id as "externalId" from transfer_orders where status = 'sent' and external_id <> 'no-such-document'`,
    );
    if (!arrived) throw new Error("the later runs' orders should have been sent");
    await control(`/transfer-orders/${arrived.externalId}/receive`);
    // The open list answers; the look-up of the order that left it fails.
    await control('/faults', { status: 503, path: '/transfer-orders/', times: 1 });
    const before = await statuses();

    const failed = await run();
    expect(failed.outcome).toMatchObject({ status: 'failed', error: expect.stringContaining('HTTP 503') });
    expect(await statuses()).toEqual(before);
    const errors = await env.fx.query<{ step: string; request_id: string }>(
      `select step, request_id from integration_logs where run_id = ? and level = 'ERROR'`,
      [failed.runId],
    );
    expect(errors).toEqual([{ step: 'reconcile_orders', request_id: failed.requestId }]);
    const [written] = await env.fx.query<{ snapshots: number; orders: number }>(
      `select (select count(*)::int from stock_snapshots where run_id = ?) as snapshots,
         (select count(*)::int from transfer_orders where run_id = ?) as orders`,
      [failed.runId, failed.runId],
    );
    expect(written).toEqual({ snapshots: 0, orders: 0 });

    const recovered = await run();
    expect(recovered.outcome).toMatchObject({ status: 'succeeded', counts: { ordersReceived: 1 } });
  });
});
