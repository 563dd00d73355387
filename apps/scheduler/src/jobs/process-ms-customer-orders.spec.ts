import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_ORDER_AGGREGATE, MS_CUSTOMER_ORDER_EVENT, type MsOrderRequest } from '@hub/integrations';
import { enqueueEvent } from '@hub/outbox';
import { readMoySkladSandboxStats } from '@hub/testing';
import { createScheduler } from '../scheduler';
import { useSchedulerTestEnv } from '../testing/scheduler-test-env';

describe('process_outbox_events_job with МойСклад', () => {
  const env = useSchedulerTestEnv('hub_test_outbox_ms_tick');

  /** A pending outside order and its event, as a replenishment run writes them. */
  async function enqueueOutsideOrder(): Promise<{ orderId: string; eventId: string }> {
    const orderId = randomUUID();
    const warehouse = { id: randomUUID(), code: 'МГ-001', name: 'Магазин на Тверской' };
    const runId = randomUUID();
    const request: MsOrderRequest = {
      hubOrderId: orderId,
      runId,
      targetWarehouse: warehouse,
      comment: 'not covered by own warehouses',
      lines: [{ productId: randomUUID(), sku: 'SKU-0022', name: 'Шоколад молочный 90 г', quantity: 40 }],
    };
    const eventId = await env.orm.em.fork().transactional(async (em) => {
      await em.execute('insert into warehouses (id, external_id, code, name) values (?::uuid, ?, ?, ?)', [warehouse.id, randomUUID(), warehouse.code, warehouse.name], 'run');
      await em.execute(`insert into replenishment_runs (id, trigger) values (?::uuid, 'endpoint')`, [runId], 'run');
      await em.execute('insert into external_orders (id, run_id, target_warehouse_id) values (?::uuid, ?::uuid, ?::uuid)', [orderId, runId, warehouse.id], 'run');
      return enqueueEvent(em, { aggregateType: EXTERNAL_ORDER_AGGREGATE, aggregateId: orderId, eventType: MS_CUSTOMER_ORDER_EVENT, payload: request });
    });
    return { orderId, eventId };
  }

  it('delivers an outside order to МойСклад through the shared limiter, with externalCode = event id', async () => {
    const moysklad = env.moysklad();
    const { orderId, eventId } = await enqueueOutsideOrder();

    const result = await createScheduler(env.deps({ moysklad })).runOutboxTick();

    expect(result).toMatchObject({ status: 'completed', counts: { claimed: 1, delivered: 1 } });
    const documents = (await readMoySkladSandboxStats(env.sandbox.baseUrl)).customerOrders.documents.filter((doc) => doc.externalCode === eventId);
    expect(documents).toHaveLength(1);
    const [row] = await env.orm.em.fork().execute<Array<{ status: string; external_id: string }>>('select status, external_id from external_orders where id = ?::uuid', [orderId], 'all');
    expect(row).toEqual({ status: 'sent', external_id: documents[0]?.id });
  });
});
