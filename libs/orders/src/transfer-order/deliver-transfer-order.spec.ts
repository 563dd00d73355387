import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFactory, type SessionFactory } from '@hub/db';
import { InvalidOutboxPayloadError, processOutboxBatch, type ClaimedEvent } from '@hub/outbox';
import { heldEvent, readEvent, updateEvent } from '@hub/outbox/testing';
import { createTestDatabase, openTestOrm, startSandboxProcess, type SandboxProcess, type TestDatabase } from '@hub/testing';
import type { MikroORM } from '@hub/db';
import { createOrderDispatch } from '../order-delivery';
import { ORDER_OUTBOX_HOOKS } from '../outbox-hooks';
import { catalogFromOneC, readOrder, seedOrder, type OrderCatalog } from '../testing/seed-orders';
import { deliverTransferOrder } from './deliver-transfer-order';
import { TRANSFER_ORDER } from './transfer-order-kind';

describe('delivering transfer orders to 1С (the sandbox)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let sessions: SessionFactory;
  let sandbox: SandboxProcess;
  let catalog: OrderCatalog;

  beforeAll(async () => {
    [db, sandbox] = await Promise.all([createTestDatabase('hub_test_orders_1c'), startSandboxProcess()]);
    orm = await openTestOrm(db.url);
    sessions = createSessionFactory(orm);
    catalog = await catalogFromOneC(sandbox.oneC);
  });
  afterAll(async () => {
    // Any of them may be missing when beforeAll failed; the sandbox is stopped regardless.
    await Promise.all([sandbox?.stop(), orm?.close(true).then(() => db.drop())]);
  });

  const deliverDue = () =>
    processOutboxBatch({ sessions, owner: 'replica-a', dispatch: createOrderDispatch({ oneC: sandbox.oneC }), hooks: ORDER_OUTBOX_HOOKS });

  /** The event as another replica would hold it after taking it over. */
  async function reclaimed(eventId: string): Promise<ClaimedEvent> {
    const [row] = await sessions
      .open()
      .execute<Array<{ aggregate_id: string; payload: Record<string, unknown> }>>(
        'select aggregate_id, payload from outbox_events where id = ?::uuid',
        [eventId],
        'all',
      );
    const { aggregateType, eventType } = TRANSFER_ORDER;
    return heldEvent({ id: eventId, aggregateType, aggregateId: row!.aggregate_id, eventType, payload: row!.payload, attempts: 2 });
  }

  it('creates the 1С document once, marks the order sent with its number, and a replay of the event creates no duplicate', async () => {
    const { orderId, eventId } = await seedOrder(sessions, { catalog });

    expect(await deliverDue()).toEqual({ claimed: 1, delivered: 1, retried: 0, dead: 0, leaseLost: 0 });

    const received = await sandbox.transferOrders();
    const documents = received.documents.filter((doc) => doc.hubOrderId === orderId);
    expect(documents).toHaveLength(1);
    const document = documents[0]!;
    expect(document.idempotencyKey).toBe(eventId);
    expect(await readOrder(sessions, TRANSFER_ORDER, orderId)).toEqual({ status: 'sent', external_id: document.id, external_number: document.number });
    expect(await readEvent(sessions, eventId)).toMatchObject({ status: 'delivered', response_ref: document.id });

    // A replica that died after sending would deliver the same event again.
    const replay = await deliverTransferOrder(sandbox.oneC)(await reclaimed(eventId), { signal: new AbortController().signal });
    expect(replay).toEqual({ responseRef: document.id, outcome: { id: document.id, number: document.number } });
    const after = await sandbox.transferOrders();
    expect(after.documents.filter((doc) => doc.hubOrderId === orderId)).toHaveLength(1);
    expect(after.duplicates).toBe(received.duplicates + 1);
  });

  it('sends nothing for a payload outside the contract and makes the event dead, naming the field; the order is failed', async () => {
    const before = await sandbox.transferOrders();
    const { orderId, eventId } = await seedOrder(sessions, { catalog });
    await updateEvent(sessions, eventId, `payload = '{"hubOrderId": "not-a-uuid", "lines": []}'::jsonb`);

    await expect(deliverTransferOrder(sandbox.oneC)(await reclaimed(eventId), { signal: new AbortController().signal })).rejects.toBeInstanceOf(
      InvalidOutboxPayloadError,
    );
    expect(await deliverDue()).toMatchObject({ claimed: 1, dead: 1 });

    const row = await readEvent(sessions, eventId);
    expect(row.status).toBe('dead');
    expect(row.last_error).toContain('hubOrderId');
    expect((await sandbox.transferOrders()).requests).toBe(before.requests);
    expect((await readOrder(sessions, TRANSFER_ORDER, orderId))?.status).toBe('failed');
  });

  it('makes the event dead, naming the order, when the hub no longer has the transfer order', async () => {
    const { orderId, eventId } = await seedOrder(sessions, { catalog });
    await sessions.open().execute('delete from transfer_orders where id = ?::uuid', [orderId], 'run');

    expect(await deliverDue()).toMatchObject({ claimed: 1, dead: 1, delivered: 0 });

    const row = await readEvent(sessions, eventId);
    expect(row).toMatchObject({ status: 'dead', delivered: false });
    expect(row.last_error).toContain(`was delivered (response ${row.response_ref}), but its transfer_order ${orderId} does not exist`);
  });
});
