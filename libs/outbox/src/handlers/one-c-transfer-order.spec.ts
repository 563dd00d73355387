import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransferOrder, type MikroORM } from '@hub/db';
import { createPendingTransferOrder, createTestDatabase, openTestOrm, startSandboxProcess, type SandboxProcess, type TestDatabase } from '@hub/testing';
import { createOutboxDispatcher } from '../dispatcher';
import { InvalidOutboxPayloadError } from '../errors';
import { processOutboxBatch } from '../process-batch';
import type { ClaimedEvent } from '../sql/claim-due-events';
import { enqueueOne, readEvent } from '../testing/outbox-rows';
import { createOneCTransferOrderHandler } from './one-c-transfer-order';

describe('createOneCTransferOrderHandler against the sandbox', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let sandbox: SandboxProcess;

  beforeAll(async () => {
    [db, sandbox] = await Promise.all([createTestDatabase('hub_test_outbox_1c'), startSandboxProcess()]);
    orm = await openTestOrm(db.url);
  });
  afterAll(async () => {
    // Any of them may be missing when beforeAll failed; the sandbox is stopped regardless.
    await Promise.all([sandbox?.stop(), orm?.close(true).then(() => db.drop())]);
  });

  /** The event as another replica would hold it after taking it over. */
  const reclaimed = (id: string, payload: Record<string, unknown>): ClaimedEvent => ({
    id,
    aggregateType: 'transfer_order',
    aggregateId: id,
    eventType: 'CREATE_1C_TRANSFER_ORDER',
    payload,
    attempts: 1,
    leaseOwner: 'replica-b',
    leaseExpiresAt: new Date(Date.now() + 60_000),
    createdAt: new Date(),
  });
  const deliverAll = (handler: ReturnType<typeof createOneCTransferOrderHandler>) =>
    processOutboxBatch({ orm, owner: 'replica-a', dispatch: createOutboxDispatcher({ CREATE_1C_TRANSFER_ORDER: handler }) });

  it('creates the 1С document once, marks the order sent, and a replay of the event creates no duplicate', async () => {
    const { orderId, request } = await createPendingTransferOrder(orm, sandbox.oneC);
    const eventId = await enqueueOne(orm, 'CREATE_1C_TRANSFER_ORDER', request);
    const handler = createOneCTransferOrderHandler({ oneC: sandbox.oneC, orm });

    expect(await deliverAll(handler)).toEqual({ claimed: 1, delivered: 1, retried: 0, dead: 0, leaseLost: 0 });

    const received = await sandbox.transferOrders();
    const documents = received.documents.filter((doc) => doc.hubOrderId === orderId);
    expect(documents).toHaveLength(1);
    const document = documents[0] as { id: string; number: string };
    const order = await orm.em.fork().findOneOrFail(TransferOrder, { id: orderId });
    expect(order).toMatchObject({ status: 'sent', externalId: document.id, externalNumber: document.number });
    expect(await readEvent(orm, eventId)).toMatchObject({ status: 'delivered', response_ref: document.id });

    // A replica that died after sending would deliver the same event again.
    const replay = await handler(reclaimed(eventId, request));
    expect(replay.responseRef).toBe(document.id);
    const after = await sandbox.transferOrders();
    expect(after.documents.filter((doc) => doc.hubOrderId === orderId)).toHaveLength(1);
    expect(after.duplicates).toBe(received.duplicates + 1);
  });

  it('sends nothing for a payload outside the contract and marks the event dead, naming the field', async () => {
    const before = await sandbox.transferOrders();
    const eventId = await enqueueOne(orm, 'CREATE_1C_TRANSFER_ORDER', { hubOrderId: 'not-a-uuid', lines: [] });
    const handler = createOneCTransferOrderHandler({ oneC: sandbox.oneC, orm });

    await expect(handler(reclaimed(eventId, { lines: [] }))).rejects.toBeInstanceOf(InvalidOutboxPayloadError);
    expect(await deliverAll(handler)).toMatchObject({ claimed: 1, dead: 1 });

    const row = await readEvent(orm, eventId);
    expect(row.status).toBe('dead');
    expect(row.last_error).toContain('hubOrderId');
    expect((await sandbox.transferOrders()).requests).toBe(before.requests);
  });

  it('marks the event dead, naming the order, when the hub no longer has the transfer order', async () => {
    const { request } = await createPendingTransferOrder(orm, sandbox.oneC);
    const orphanId = randomUUID();
    const eventId = await enqueueOne(orm, 'CREATE_1C_TRANSFER_ORDER', { ...request, hubOrderId: orphanId });

    expect(await deliverAll(createOneCTransferOrderHandler({ oneC: sandbox.oneC, orm }))).toMatchObject({ claimed: 1, dead: 1 });

    const row = await readEvent(orm, eventId);
    expect(row.status).toBe('dead');
    expect(row.last_error).toContain(`transfer order ${orphanId} does not exist`);
  });
});
