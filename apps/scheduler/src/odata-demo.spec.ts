/**
 * The demo with ONEC_CONNECTOR=odata: the run reads 1С through the sandbox's OData stand-in of
 * УТ 11 and plans exactly what the HTTP-service connector plans; the next outbox tick leaves one
 * posted Document_ПеремещениеТоваров per transfer order in the stand-in, none created or posted twice.
 */
import { describe, expect, it } from 'vitest';
import { oneCConnectorFromEnv, type OneCClient } from '@hub/integrations';
import { ORDER_OUTBOX_HOOKS } from '@hub/orders';
import { retryDeadEvent } from '@hub/outbox';
import { planDryRun, type DryRunPlan } from '@hub/replenishment';
import { createScheduler } from './scheduler';
import { useSchedulerTestEnv } from './testing/scheduler-test-env';
import { startSchedulerProcess } from '@hub/testing';

interface StandInDocuments {
  items: Array<{
    Ref_Key: string;
    Number: string;
    Posted: boolean;
    DeletionMark: boolean;
    Комментарий: string;
    СкладОтправитель_Key: string;
    СкладПолучатель_Key: string;
    Товары: Array<{ LineNumber: string; Номенклатура_Key: string; Количество: number }>;
  }>;
  postings: Record<string, number>;
}

/** A plan as 1С's ids and quantities, whatever the connector named the warehouses. */
const planOf = (plan: DryRunPlan) => ({
  transfers: plan.transferOrders.map((order) => ({
    from: order.source.externalId,
    to: order.target.externalId,
    lines: order.lines.map((line) => ({ product: line.product.externalId, sku: line.product.sku, quantity: line.quantity, explanation: line.explanation })),
  })),
  outside: plan.externalOrders.map((order) => ({ to: order.target.externalId, lines: order.lines.map((line) => [line.product.externalId, line.quantity]) })),
});

describe('the demo through 1С’s standard OData interface (ONEC_CONNECTOR=odata)', () => {
  const env = useSchedulerTestEnv('hub_test_odata_demo');
  const odataConnector = () => oneCConnectorFromEnv({ ONEC_CONNECTOR: 'odata', ONEC_BASE_URL: env.sandbox.baseUrl });
  const standIn = async (): Promise<StandInDocuments> => (await fetch(`${env.sandbox.baseUrl}/__sandbox/odata/transfers`)).json() as Promise<StandInDocuments>;

  it('passes the start-up check, plans the same orders as the HTTP-service connector, and the next tick posts each transfer once', async () => {
    const connector = odataConnector();
    await connector.checkPublication();
    const odata: OneCClient = connector.client;
    const viaService = await planDryRun({ sessions: env.sessions, oneC: env.sandbox.oneC, logger: env.logger }, {});
    const viaOData = await planDryRun({ sessions: env.sessions, oneC: odata, logger: env.logger }, {});
    expect(viaOData.transferOrders.length).toBeGreaterThan(0);
    expect(planOf(viaOData)).toEqual(planOf(viaService));

    const scheduler = createScheduler(env.deps({ oneC: odata, moysklad: env.moysklad() }));
    const run = await scheduler.runInternalReplenishment();
    expect(run.status).toBe('succeeded');
    if (run.status !== 'succeeded') return;
    const written = await env.sessions.open().execute<Array<{ id: string; source: string; target: string; lines: Array<[string, number]> }>>(
      `select o.id, s.external_id as source, t.external_id as target,
              (select jsonb_agg(jsonb_build_array(p.external_id, l.quantity) order by l.id) from transfer_order_lines l join products p on p.id = l.product_id where l.transfer_order_id = o.id) as lines
         from transfer_orders o join warehouses s on s.id = o.source_warehouse_id join warehouses t on t.id = o.target_warehouse_id
        where o.run_id = ?::uuid`,
      [run.runId],
      'all',
    );
    expect(written.map((o) => ({ from: o.source, to: o.target })).sort((a, b) => (a.from + a.to).localeCompare(b.from + b.to))).toEqual(
      planOf(viaService)
        .transfers.map((o) => ({ from: o.from, to: o.to }))
        .sort((a, b) => (a.from + a.to).localeCompare(b.from + b.to)),
    );
    expect((await standIn()).items).toEqual([]);

    // The next scheduler tick delivers; a second one finds nothing left to do.
    expect(await scheduler.runOutboxTick()).toMatchObject({ status: 'completed', counts: { dead: 0, retried: 0 } });
    expect(await scheduler.runOutboxTick()).toMatchObject({ status: 'completed', counts: { claimed: 0 } });

    const { items, postings } = await standIn();
    expect(items).toHaveLength(written.length);
    for (const order of written) {
      const documents = items.filter((document) => document.Комментарий.includes(`order=${order.id}`));
      expect(documents, `documents for hub order ${order.id}`).toHaveLength(1);
      const [document] = documents;
      expect(document).toMatchObject({ Posted: true, DeletionMark: false, СкладОтправитель_Key: order.source, СкладПолучатель_Key: order.target });
      const byProduct = (a: [string, number], b: [string, number]) => a[0].localeCompare(b[0]);
      expect(document!.Товары.map((line): [string, number] => [line.Номенклатура_Key, line.Количество]).sort(byProduct)).toEqual(
        [...order.lines].sort(byProduct),
      );
      expect(document!.Товары.map((line) => line.LineNumber)).toEqual(order.lines.map((_, index) => String(index + 1)));
      expect(postings[document!.Ref_Key]).toBe(1);
    }
    const sent = await env.sessions
      .open()
      .execute<Array<{ status: string; external_id: string }>>('select status, external_id from transfer_orders where run_id = ?::uuid', [run.runId], 'all');
    expect(sent.map((o) => o.status)).toEqual(written.map(() => 'sent'));
    expect(sent.map((o) => o.external_id).sort()).toEqual(items.map((d) => d.Ref_Key).sort());

    // The next run reads them back as open through OData and orders nothing twice.
    const next = await scheduler.runInternalReplenishment();
    expect(next).toMatchObject({ status: 'succeeded' });
    if (next.status !== 'succeeded') return;
    const again = await env.sessions
      .open()
      .execute<Array<{ count: string }>>('select count(*)::text as count from transfer_orders where run_id = ?::uuid', [next.runId], 'all');
    expect(again[0]!.count).toBe('0');
    expect((await standIn()).items).toHaveLength(written.length);
  });

  it('starts a scheduler process with ONEC_CONNECTOR=odata, and stops one whose 1С does not publish what it uses, naming it', async () => {
    const databaseUrl = env.orm.config.get('clientUrl') as string;
    const replica = await startSchedulerProcess({ databaseUrl, oneCBaseUrl: env.sandbox.baseUrl, env: { ONEC_CONNECTOR: 'odata' } });
    await replica.stop();
    const misnamed = startSchedulerProcess({
      databaseUrl,
      oneCBaseUrl: env.sandbox.baseUrl,
      env: { ONEC_CONNECTOR: 'odata', ONEC_ODATA_NAMES: '{"stock":"AccumulationRegister_ОстаткиТоваров"}' },
    });
    await expect(misnamed).rejects.toThrow(
      /exited \(code 1\) before it started.*scheduler failed to start: 1С's standard OData interface does not publish what the hub uses: entity set AccumulationRegister_ОстаткиТоваров\. Publish them in 1С: open the processing «Настройка стандартного интерфейса OData»/s,
    );
  });

  it('makes an event dead when 1С refuses the posting, and after a retry posts the same document, never writing a second', async () => {
    const { orderId, eventId } = await env.enqueueTransferOrder();
    const scheduler = createScheduler(env.deps({ oneC: odataConnector().client }));
    await fetch(`${env.sandbox.baseUrl}/__sandbox/odata/refuse-postings`, { method: 'POST', body: JSON.stringify({ times: 1 }) });
    expect(await scheduler.runOutboxTick()).toMatchObject({ status: 'completed', counts: { dead: 1, retried: 0 } });
    const [dead] = await env.sessions
      .open()
      .execute<Array<{ status: string; attempts: number; last_error: string }>>(
        'select status, attempts, last_error from outbox_events where id = ?::uuid',
        [eventId],
        'all',
      );
    // A business refusal is not retried blindly: dead after one attempt, with 1С's words.
    expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
    expect(dead!.last_error).toContain('недостаточно товаров на складе-отправителе');
    const mine = async () => (await standIn()).items.filter((document) => document.Комментарий.includes(`event=${eventId}`));
    expect((await mine()).map((document) => document.Posted)).toEqual([false]);

    // Someone fixes the stock in 1С and the operator retries the event.
    expect(await retryDeadEvent(env.sessions.open(), eventId, ORDER_OUTBOX_HOOKS)).toMatchObject({ kind: 'retried', aggregateReset: true });
    expect(await scheduler.runOutboxTick()).toMatchObject({ status: 'completed', counts: { delivered: 1, dead: 0 } });
    const [document] = await mine();
    expect((await mine()).length).toBe(1);
    expect(document).toMatchObject({ Posted: true });
    expect((await standIn()).postings[document!.Ref_Key]).toBe(1);
    const [order] = await env.sessions
      .open()
      .execute<Array<{ status: string; external_id: string }>>('select status, external_id from transfer_orders where id = ?::uuid', [orderId], 'all');
    expect(order).toEqual({ status: 'sent', external_id: document!.Ref_Key });
  });
});
