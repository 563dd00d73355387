/**
 * The whole path on the sandbox's demo network: the 09:00 job plans a run, the outbox ticks
 * deliver its transfer orders to 1С and its outside orders to МойСклад, and every document
 * there matches the hub's order line by line, once.
 */
import { describe, expect, it } from 'vitest';
import { readMoySkladSandboxStats } from '@hub/testing';
import { createScheduler, type Scheduler } from './scheduler';
import { useSchedulerTestEnv } from './testing/scheduler-test-env';

interface OrderRow {
  id: string;
  kind: 'transfer' | 'external';
  status: string;
  external_id: string | null;
  event_id: string;
  event_status: string;
  lines: Array<{ sku: string; quantity: number }>;
}

/** Both kinds of order a run wrote, with their lines and their outbox event. */
const RUN_ORDERS = `
  select o.id, o.kind, o.status, o.external_id, e.id as event_id, e.status as event_status,
         (select jsonb_agg(jsonb_build_object('sku', p.sku, 'quantity', l.quantity) order by p.sku)
            from (select product_id, quantity from transfer_order_lines where transfer_order_id = o.id
                  union all
                  select product_id, quantity from external_order_lines where external_order_id = o.id) l
            join products p on p.id = l.product_id) as lines
    from (select id, 'transfer' as kind, status, external_id, run_id from transfer_orders
          union all
          select id, 'external', status, external_id, run_id from external_orders) o
    join outbox_events e on e.aggregate_id = o.id
   where o.run_id = ?::uuid
   order by o.kind, o.id`;

describe('a scheduled run on the demo network, delivered to 1С and МойСклад', () => {
  const env = useSchedulerTestEnv('hub_test_e2e_delivery');

  async function drainOutbox(scheduler: Scheduler): Promise<void> {
    // A tick drains what is due; a second one proves nothing was left behind.
    for (let tick = 0; tick < 2; tick += 1) {
      expect(await scheduler.runOutboxTick()).toMatchObject({ status: 'completed' });
    }
  }

  it('creates one 1С document per transfer order and one МойСклад order per outside order, matching line by line', async () => {
    const scheduler = createScheduler(env.deps({ moysklad: env.moysklad() }));
    const run = await scheduler.runInternalReplenishment();
    expect(run.status).toBe('succeeded');
    if (run.status !== 'succeeded') return;

    await drainOutbox(scheduler);
    const orders = await env.orm.em.fork().execute<OrderRow[]>(RUN_ORDERS, [run.runId], 'all');
    const transfers = orders.filter((order) => order.kind === 'transfer');
    const outside = orders.filter((order) => order.kind === 'external');
    expect(transfers.length).toBeGreaterThan(0);
    expect(outside.length).toBeGreaterThan(0);
    for (const order of orders) {
      expect(order).toMatchObject({ status: 'sent', event_status: 'delivered', external_id: expect.any(String) });
    }

    const oneC = await env.sandbox.transferOrders();
    expect(oneC.duplicates).toBe(0);
    expect(oneC.documents.map((doc) => doc.hubOrderId).sort()).toEqual(transfers.map((order) => order.id).sort());
    for (const order of transfers) {
      const document = await env.sandbox.oneC.getTransferOrder(order.external_id ?? '');
      const lines = (document?.lines ?? []).map(({ sku, quantity }) => ({ sku, quantity })).sort((a, b) => a.sku.localeCompare(b.sku));
      expect(lines).toEqual(order.lines);
    }

    const moysklad = (await readMoySkladSandboxStats(env.sandbox.baseUrl)).customerOrders;
    expect(moysklad.duplicateDocuments).toBe(0);
    expect(moysklad.documents.map((doc) => doc.externalCode).sort()).toEqual(outside.map((order) => order.event_id).sort());
    for (const order of outside) {
      const document = moysklad.documents.find((doc) => doc.externalCode === order.event_id);
      expect(document).toMatchObject({ id: order.external_id, positionCount: order.lines.length });
      // Priced from the product in МойСклад: every position has its price, and the order's sum adds them up.
      for (const position of document!.positions) expect(position.price).toBeGreaterThan(0);
      expect(document!.sum).toBe(document!.positions.reduce((sum, p) => sum + p.quantity * p.price, 0));
    }
  });

  it('plans nothing new on the next run: what was ordered counts as inbound', async () => {
    const scheduler = createScheduler(env.deps({ moysklad: env.moysklad() }));
    const run = await scheduler.runInternalReplenishment();
    expect(run.status).toBe('succeeded');
    if (run.status !== 'succeeded') return;
    const [counts] = await env.orm.em
      .fork()
      .execute<Array<{ counts: Record<string, number> }>>('select counts from replenishment_runs where id = ?::uuid', [run.runId], 'all');
    expect(counts?.counts).toMatchObject({ transferOrders: 0, externalOrders: 0, outboxEvents: 0 });
  });
});
