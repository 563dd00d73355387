import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFactory, type MikroORM, type SessionFactory } from '@hub/db';
import { createMoySkladClient, MOYSKLAD_ENV_DEFAULTS, type MoySkladClient } from '@hub/integrations';
import { processOutboxBatch } from '@hub/outbox';
import { heldEvent, readEvent, updateEvent } from '@hub/outbox/testing';
import {
  addMoySkladSandboxProducts,
  createTestDatabase,
  openTestOrm,
  readMoySkladSandboxStats,
  startSandboxProcess,
  type SandboxProcess,
  type TestDatabase,
} from '@hub/testing';
import { createOrderDispatch } from '../order-delivery';
import { ORDER_OUTBOX_HOOKS } from '../outbox-hooks';
import { DEMO_CATALOG, readOrder, seedOrders, type SeededOrder } from '../testing/seed-orders';
import { deliverExternalOrder } from './deliver-external-order';
import { EXTERNAL_ORDER } from './external-order-kind';

const PARTIES = {
  organizationId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_ORGANIZATION_ID,
  agentId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_AGENT_ID,
  storeId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_STORE_ID,
};

describe('delivering outside orders to МойСклад (the sandbox)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let sessions: SessionFactory;
  let sandbox: SandboxProcess;
  let moysklad: MoySkladClient;

  beforeAll(async () => {
    [db, sandbox] = await Promise.all([createTestDatabase('hub_test_orders_ms'), startSandboxProcess({ env: { MOYSKLAD_TOKEN_WEIGHT: '1' } })]);
    orm = await openTestOrm(db.url);
    sessions = createSessionFactory(orm);
    moysklad = createMoySkladClient({ baseUrl: sandbox.baseUrl, token: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_TOKEN, tokenWeight: 1, timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await Promise.all([sandbox?.stop(), orm?.close(true).then(() => db.drop())]);
  });

  const unusedOneC = { createTransferOrder: () => Promise.reject(new Error('these specs deliver to МойСклад only')) };
  const deliverDue = () =>
    processOutboxBatch({
      sessions,
      owner: 'replica-a',
      hooks: ORDER_OUTBOX_HOOKS,
      dispatch: createOrderDispatch({ oneC: unusedOneC, moysklad: { client: moysklad, parties: PARTIES } }),
    });
  const ordersFor = async (eventId: string) =>
    (await readMoySkladSandboxStats(sandbox.baseUrl)).customerOrders.documents.filter((doc) => doc.externalCode === eventId);
  const oneOrder = async (catalog = DEMO_CATALOG): Promise<SeededOrder> => (await seedOrders(sessions, { kind: EXTERNAL_ORDER, catalog }))[0]!;
  const readOutsideOrder = (orderId: string) => readOrder(sessions, EXTERNAL_ORDER, orderId);

  it('creates one customer order with externalCode = event id and records its id and number on the outside order', async () => {
    const { orderId, eventId } = await oneOrder();
    expect(await deliverDue()).toMatchObject({ claimed: 1, delivered: 1 });

    const [document] = await ordersFor(eventId);
    expect(document).toMatchObject({ externalCode: eventId, positionCount: 2 });
    expect(await readOutsideOrder(orderId)).toEqual({ status: 'sent', external_id: document!.id, external_number: document!.name });
    expect(await readEvent(sessions, eventId)).toMatchObject({ status: 'delivered', response_ref: document!.id });
  });

  it("prices each position with the product's «Цена продажи» in kopecks, its VAT, no reserve, and the order's sum is the one the sandbox computes", async () => {
    const { eventId } = await oneOrder();
    expect(await deliverDue()).toMatchObject({ delivered: 1 });
    const products = await moysklad.findProducts(
      'article',
      DEMO_CATALOG.products.map((p) => p.sku),
    );
    const [document] = await ordersFor(eventId);
    const expected = products.map((product) => {
      const price = product.salePrices.find((p) => p.priceType === 'Цена продажи')!.value;
      return { productId: product.id, quantity: 6, price, vat: product.vat, reserve: 0 };
    });
    expect(document!.positions).toEqual(expect.arrayContaining(expected.map((e) => expect.objectContaining(e))));
    for (const position of document!.positions) expect(position.price).toBeGreaterThan(0);
    expect(document!.sum).toBe(expected.reduce((sum, p) => sum + p.quantity * p.price, 0));
  });

  it('after a dropped answer, the retry finds the order by externalCode and creates no second one', async () => {
    const before = await readMoySkladSandboxStats(sandbox.baseUrl);
    const { orderId, eventId } = await oneOrder();
    await sandbox.injectFault({ system: 'moysklad', drop: 'after_handling', path: '/entity/customerorder' });

    expect(await deliverDue()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await ordersFor(eventId)).toHaveLength(1);
    await updateEvent(sessions, eventId, 'next_attempt_at = now()');
    expect(await deliverDue()).toMatchObject({ claimed: 1, delivered: 1 });

    const after = await readMoySkladSandboxStats(sandbox.baseUrl);
    const [document] = await ordersFor(eventId);
    expect(after.customerOrders.createRequests - before.customerOrders.createRequests).toBe(1);
    expect(after.customerOrders.duplicateRequests).toBe(before.customerOrders.duplicateRequests);
    expect((await readOutsideOrder(orderId))?.external_id).toBe(document!.id);
  });

  it('a replica that died after sending (attempts not counted) gets the same order back through syncId', async () => {
    const { orderId } = await oneOrder();
    // Taken out of the outbox, so no batch delivers it: only the two direct deliveries below do.
    const [event] = await sessions
      .open()
      .execute<Array<{ payload: Record<string, unknown> }>>('delete from outbox_events where aggregate_id = ?::uuid returning payload', [orderId], 'all');
    // Handed to the delivery directly, as the successor replica would get it, under an id МойСклад has not seen.
    const eventId = randomUUID();
    const { aggregateType, eventType } = EXTERNAL_ORDER;
    const claimed = heldEvent({ id: eventId, aggregateType, aggregateId: orderId, eventType, payload: event!.payload, attempts: 0 });
    const deliver = () => deliverExternalOrder({ client: moysklad, parties: PARTIES })(claimed, { signal: new AbortController().signal });
    const first = await deliver();
    const second = await deliver();
    expect(second).toEqual(first);
    expect(await ordersFor(eventId)).toHaveLength(1);
    expect((await readMoySkladSandboxStats(sandbox.baseUrl)).customerOrders.duplicateDocuments).toBe(0);
  });

  it('makes the event dead naming the SKU МойСклад does not know, sends no order, and fails the outside order', async () => {
    const before = await readMoySkladSandboxStats(sandbox.baseUrl);
    const { orderId, eventId } = await oneOrder({ ...DEMO_CATALOG, products: [{ externalId: 'pr-unknown', sku: 'SKU-NOT-IN-MS', name: 'Неизвестный товар' }] });
    expect(await deliverDue()).toMatchObject({ claimed: 1, dead: 1 });
    const row = await readEvent(sessions, eventId);
    expect(row.status).toBe('dead');
    expect(row.last_error).toContain('SKU-NOT-IN-MS');
    expect((await readMoySkladSandboxStats(sandbox.baseUrl)).customerOrders.createRequests).toBe(before.customerOrders.createRequests);
    // A dead event fails its order in the same transaction: it no longer counts as inbound.
    expect((await readOutsideOrder(orderId))?.status).toBe('failed');
  });

  it('makes the event dead naming the SKU and both candidates when two products share its article, ignoring an archived third, and fails the order', async () => {
    const before = await readMoySkladSandboxStats(sandbox.baseUrl);
    const [first, second] = await addMoySkladSandboxProducts(sandbox.baseUrl, [
      { name: 'Тыква', article: 'Ar23' },
      { name: 'Бананы', article: 'Ar23' },
      { name: 'Архивная тыква', article: 'Ar23', archived: true },
    ]);
    const { orderId, eventId } = await oneOrder({ ...DEMO_CATALOG, products: [{ externalId: 'pr-ar23', sku: 'Ar23', name: 'Тыква' }] });
    expect(await deliverDue()).toMatchObject({ claimed: 1, dead: 1 });
    const row = await readEvent(sessions, eventId);
    expect(row.last_error).toContain(`SKU Ar23: ${first!.id} «Тыква», ${second!.id} «Бананы»`);
    expect(row.last_error).not.toContain('Архивная');
    expect((await readMoySkladSandboxStats(sandbox.baseUrl)).customerOrders.createRequests).toBe(before.customerOrders.createRequests);
    expect((await readOutsideOrder(orderId))?.status).toBe('failed');
  });

  it('makes an event whose payload breaks the contract dead, naming the field', async () => {
    const { eventId } = await oneOrder();
    await updateEvent(sessions, eventId, `payload = jsonb_set(payload, '{lines}', '[]'::jsonb)`);
    expect(await deliverDue()).toMatchObject({ claimed: 1, dead: 1 });
    expect((await readEvent(sessions, eventId)).last_error).toContain('lines');
  });

  it('on 429 schedules the retry no earlier than the interval МойСклад asked for', async () => {
    const { eventId } = await oneOrder();
    await sandbox.injectFault({ system: 'moysklad', status: 429, retryAfterSeconds: 40, path: '/entity/customerorder' });
    expect(await deliverDue()).toMatchObject({ claimed: 1, retried: 1 });
    const row = await readEvent(sessions, eventId);
    expect(row.last_error).toContain('429');
    expect(row.due_in_ms).toBeGreaterThan(35_000);
    expect(await ordersFor(eventId)).toEqual([]);
  });

  it('keeps an order МойСклад already shipped as received, while storing its reference', async () => {
    const { orderId, eventId } = await oneOrder();
    await sessions.open().execute(`update external_orders set status = 'received' where id = ?::uuid`, [orderId], 'run');
    expect(await deliverDue()).toMatchObject({ delivered: 1 });
    const [document] = await ordersFor(eventId);
    expect(await readOutsideOrder(orderId)).toEqual({ status: 'received', external_id: document!.id, external_number: document!.name });
  });
});
