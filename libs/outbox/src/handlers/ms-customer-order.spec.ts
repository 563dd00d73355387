import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@hub/db';
import { createMoySkladClient, MOYSKLAD_ENV_DEFAULTS, type MoySkladClient } from '@hub/integrations';
import { createTestDatabase, openTestOrm, readMoySkladSandboxStats, startSandboxProcess, type SandboxProcess, type TestDatabase } from '@hub/testing';
import { createOutboxDispatcher } from '../dispatcher';
import { processOutboxBatch } from '../process-batch';
import type { ClaimedEvent } from '../sql/claim-due-events';
import { createPendingExternalOrders, enqueueMsCustomerOrders, readExternalOrder } from '../testing/external-orders';
import { readEvent, updateEvent } from '../testing/outbox-rows';
import { createMsCustomerOrderHandler } from './ms-customer-order';

const PARTIES = {
  organizationId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_ORGANIZATION_ID,
  agentId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_AGENT_ID,
  storeId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_STORE_ID,
};

describe('createMsCustomerOrderHandler against the sandbox', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let sandbox: SandboxProcess;
  let moysklad: MoySkladClient;

  beforeAll(async () => {
    [db, sandbox] = await Promise.all([
      createTestDatabase('hub_test_outbox_ms'),
      startSandboxProcess({ env: { MOYSKLAD_TOKEN_WEIGHT: '1' } }),
    ]);
    orm = await openTestOrm(db.url);
    moysklad = createMoySkladClient({ baseUrl: sandbox.baseUrl, token: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_TOKEN, tokenWeight: 1, timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await Promise.all([sandbox?.stop(), orm?.close(true).then(() => db.drop())]);
  });

  const handler = () => createMsCustomerOrderHandler({ moysklad, orm, parties: PARTIES });
  const deliverDue = () => processOutboxBatch({ orm, owner: 'replica-a', dispatch: createOutboxDispatcher({ CREATE_MS_CUSTOMER_ORDER: handler() }) });
  const ordersFor = async (eventId: string) => (await readMoySkladSandboxStats(sandbox.baseUrl)).customerOrders.documents.filter((doc) => doc.externalCode === eventId);
  const injectFault = async (fault: Record<string, unknown>) => {
    const response = await fetch(`${sandbox.baseUrl}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ system: 'moysklad', ...fault }) });
    expect(response.status).toBe(201);
  };
  async function oneEvent(lines?: Parameters<typeof createPendingExternalOrders>[2]) {
    const [order] = await createPendingExternalOrders(orm, 1, lines);
    const [eventId] = await enqueueMsCustomerOrders(orm, [order!]);
    return { order: order!, eventId: eventId! };
  }

  it('creates one customer order with externalCode = event id and records its id and number on the outside order', async () => {
    const { order, eventId } = await oneEvent();
    expect(await deliverDue()).toMatchObject({ claimed: 1, delivered: 1 });

    const [document] = await ordersFor(eventId);
    expect(document).toMatchObject({ externalCode: eventId, positionCount: 2 });
    expect(await readExternalOrder(orm, order.orderId)).toEqual({ status: 'sent', external_id: document!.id, external_number: document!.name });
    expect(await readEvent(orm, eventId)).toMatchObject({ status: 'delivered', response_ref: document!.id });
  });

  it('after a dropped answer, the retry finds the order by externalCode and creates no second one', async () => {
    const before = await readMoySkladSandboxStats(sandbox.baseUrl);
    const { order, eventId } = await oneEvent();
    await injectFault({ drop: 'after_handling', path: '/entity/customerorder' });

    expect(await deliverDue()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await ordersFor(eventId)).toHaveLength(1);
    await updateEvent(orm, eventId, 'next_attempt_at = now()');
    expect(await deliverDue()).toMatchObject({ claimed: 1, delivered: 1 });

    const after = await readMoySkladSandboxStats(sandbox.baseUrl);
    const [document] = await ordersFor(eventId);
    expect(after.customerOrders.createRequests - before.customerOrders.createRequests).toBe(1);
    expect(after.customerOrders.duplicateRequests).toBe(before.customerOrders.duplicateRequests);
    expect((await readExternalOrder(orm, order.orderId)).external_id).toBe(document!.id);
  });

  it('a replica that died after sending (attempts not counted) gets the same order back through syncId', async () => {
    // Handed to the handler directly, as the successor replica would get it: nothing enqueued.
    const [order] = await createPendingExternalOrders(orm, 1);
    const eventId = randomUUID();
    const claimed: ClaimedEvent = {
      id: eventId,
      aggregateType: 'external_order',
      aggregateId: order!.orderId,
      eventType: 'CREATE_MS_CUSTOMER_ORDER',
      payload: order!.request,
      attempts: 0,
      leaseOwner: 'replica-b',
      leaseExpiresAt: new Date(Date.now() + 60_000),
      createdAt: new Date(),
    };
    const first = await handler()(claimed);
    const second = await handler()(claimed);
    expect(second).toEqual(first);
    expect(await ordersFor(eventId)).toHaveLength(1);
    expect((await readMoySkladSandboxStats(sandbox.baseUrl)).customerOrders.duplicateDocuments).toBe(0);
  });

  it('marks the event dead naming the SKU МойСклад does not know, and sends no order', async () => {
    const before = await readMoySkladSandboxStats(sandbox.baseUrl);
    const { order, eventId } = await oneEvent([{ productId: '5d0e4c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6', sku: 'SKU-NOT-IN-MS', name: 'Неизвестный товар', quantity: 3 }]);
    expect(await deliverDue()).toMatchObject({ claimed: 1, dead: 1 });
    const row = await readEvent(orm, eventId);
    expect(row.status).toBe('dead');
    expect(row.last_error).toContain('SKU-NOT-IN-MS');
    expect((await readMoySkladSandboxStats(sandbox.baseUrl)).customerOrders.createRequests).toBe(before.customerOrders.createRequests);
    expect((await readExternalOrder(orm, order.orderId)).status).toBe('pending');
  });

  it('marks an event whose payload breaks the contract dead, naming the field', async () => {
    const [order] = await createPendingExternalOrders(orm, 1);
    const [eventId] = await enqueueMsCustomerOrders(orm, [{ ...order!, request: { ...order!.request, lines: [] } }]);
    expect(await deliverDue()).toMatchObject({ claimed: 1, dead: 1 });
    expect((await readEvent(orm, eventId!)).last_error).toContain('lines');
  });

  it('on 429 schedules the retry no earlier than the interval МойСклад asked for', async () => {
    const { eventId } = await oneEvent();
    await injectFault({ status: 429, retryAfterSeconds: 40, path: '/entity/customerorder' });
    expect(await deliverDue()).toMatchObject({ claimed: 1, retried: 1 });
    const row = await readEvent(orm, eventId);
    expect(row.last_error).toContain('429');
    expect(row.due_in_ms).toBeGreaterThan(35_000);
    expect(await ordersFor(eventId)).toEqual([]);
  });

  it('keeps an order МойСклад already shipped as received, while storing its reference', async () => {
    const { order, eventId } = await oneEvent();
    await orm.em.fork().execute(`update external_orders set status = 'received' where id = ?::uuid`, [order.orderId], 'run');
    expect(await deliverDue()).toMatchObject({ delivered: 1 });
    const [document] = await ordersFor(eventId);
    expect(await readExternalOrder(orm, order.orderId)).toEqual({ status: 'received', external_id: document!.id, external_number: document!.name });
  });
});
